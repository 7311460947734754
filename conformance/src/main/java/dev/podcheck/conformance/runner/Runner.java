package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Invariants;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.differential.Comparison;
import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Shrinking;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan: the corpus first, then this shard's generated trials (in parallel), checks every
 * observable invariant on every trace, and shrinks each invariant's first violation to a minimal
 * scenario. A target that is not the reference is also compared with the engine's prediction of
 * every trial ({@link Differential}). Reports are deterministic: a violation or a divergence is
 * reported from the lowest trial that shows it.
 */
public final class Runner {
    /** Told after each trial, for a progress bar. */
    public interface Progress {
        void trialDone(int done, int total);
    }

    private final RunPlan plan;
    private final Gen<Scenario> scenarios;
    private final List<Invariant> observable;
    private final TrialDeadline deadline;
    private final StageTimes stages = new StageTimes();
    /** Every trial's verdicts as it finishes, for the result and for a report of an interrupted run. */
    private final Tally tally;
    private volatile long started = System.nanoTime();
    private volatile int total;
    private volatile int corpusSize;

    public Runner(RunPlan plan) {
        this.plan = plan;
        this.scenarios = ScenarioGen.scenarios(plan.size());
        this.observable = plan.invariants().stream()
                .filter(inv -> plan.target().observations().containsAll(inv.needs())).toList();
        this.deadline = new TrialDeadline(plan.deadline());
        this.tally = new Tally(observable.size(), !plan.target().reference());
    }

    /** Where the run's time went so far, stage by stage. */
    public StageTimes.Split stageTimes() {
        return stages.split();
    }

    public RunResult run(Progress progress) {
        long started = System.nanoTime();
        this.started = started;
        long deadline = plan.budget() == null ? Long.MAX_VALUE : started + plan.budget().toNanos();
        List<Corpus.Entry> corpus = plan.corpus() == null ? List.of() : Corpus.readEach(plan.corpus());
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < plan.trials(); i++) {
            if (plan.shard().owns(i)) {
                mine.add(i);
            }
        }
        int total = corpus.size() + mine.size();
        this.corpusSize = corpus.size();
        this.total = total;
        AtomicInteger done = new AtomicInteger();
        TrialWorkers workers = new TrialWorkers(plan.parallelism(), plan.deadline());
        TrialWorkers.Job job = (i, call) -> {
            if (i < corpus.size()) {
                return runCorpus(-1 - i, corpus.get(i), call);
            }
            return System.nanoTime() <= deadline ? runGenerated(mine.get(i - corpus.size()), call) : null;
        };
        try {
            workers.runAll(total, job, i -> abandoned(i < corpus.size() ? -1 - i : mine.get(i - corpus.size()), corpus),
                    outcome -> counted(outcome, done, total, progress));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        }
        return result(true);
    }

    /**
     * What finished so far, without shrinking (each first violation as it happened): the report a
     * run stopped by Ctrl-C leaves, marked interrupted. Safe to call from another thread.
     */
    public RunResult finishedSoFar() {
        return result(false).asInterrupted();
    }

    private RunResult result(boolean shrink) {
        Tally.Counted counted = tally.counted();
        List<InvariantResult> results = tally(counted.counts(), shrink);
        DifferentialResult differential = plan.target().reference() ? null
                : DifferentialResult.tally(counted.compared());
        boolean budgetReached = shrink && counted.finished() < total;
        return new RunResult(plan.target().name(), plan.seed(), plan.shard(), results, counted.trialsRun(),
                counted.errors(), corpusSize, Duration.ofNanos(System.nanoTime() - started), budgetReached, differential,
                total, plan.trials(), plan.minTrials() == null ? total : plan.minTrials(), false);
    }

    private void counted(TrialOutcome outcome, AtomicInteger done, int total, Progress progress) {
        tally.add(outcome);
        progress.trialDone(done.incrementAndGet(), total);
    }

    private TrialOutcome runGenerated(int trial, TargetCall call) {
        long begun = System.nanoTime();
        long seed = new TrialSeeds(plan.seed()).forTrial(trial);
        Choices choices = Choices.random(seed);
        Scenario scenario = scenarios.generate(choices);
        stages.generated(System.nanoTime() - begun);
        return evaluate(trial, seed, choices.recorded(), scenario, origin(trial), call);
    }

    private TrialOutcome runCorpus(int index, Corpus.Entry entry, TargetCall call) {
        if (entry.unreadable() != null) {
            return TrialOutcome.failed(index, 0, null, null, entry.file().toString(), entry.unreadable());
        }
        return evaluate(index, 0, null, entry.scenario(), entry.file().toString(), call);
    }

    /** A trial whose target call passed its deadline, settled without it: inconclusive, with what regenerates it. */
    private TrialOutcome abandoned(int trial, List<Corpus.Entry> corpus) {
        String why = TrialDeadline.expired(plan.deadline());
        if (trial < 0) {
            Corpus.Entry entry = corpus.get(-1 - trial);
            return TrialOutcome.failed(trial, 0, null, entry.scenario(), entry.file().toString(), why);
        }
        long seed = new TrialSeeds(plan.seed()).forTrial(trial);
        Choices choices = Choices.random(seed);
        Scenario scenario = scenarios.generate(choices);
        return TrialOutcome.failed(trial, seed, choices.recorded(), scenario, origin(trial), why);
    }

    private String origin(int trial) {
        return "seed " + plan.seed() + " trial " + trial;
    }

    /**
     * One trial, whatever goes wrong inside it: an exception is that trial's inconclusive verdict,
     * with its cause, never the loss of the run. A JVM error (out of memory) still ends the run.
     */
    private TrialOutcome evaluate(int trial, long seed, long[] choices, Scenario scenario, String origin,
                                  TargetCall call) {
        try {
            return evaluateOrThrow(trial, seed, choices, scenario, origin, call);
        } catch (RuntimeException e) {
            return TrialOutcome.failed(trial, seed, choices, scenario, origin, "podcheck failed on this trial: " + e);
        }
    }

    /**
     * Runs a scenario as written (the target gets it as the apiserver stores it: defaulted), checks
     * it, and for a target that is not the reference compares it with the engine's prediction.
     */
    private TrialOutcome evaluateOrThrow(int trial, long seed, long[] choices, Scenario scenario, String origin,
                                         TargetCall call) {
        long begun = System.nanoTime();
        Scenario defaulted = Defaulting.apply(scenario);
        long admitted = System.nanoTime();
        stages.admitted(admitted - begun);
        Target target = plan.target();
        Trace trace;
        try {
            trace = call.run(target, defaulted, plan.horizon());
        } catch (Target.TargetException e) {
            return TrialOutcome.failed(trial, seed, choices, scenario, origin, e.getMessage());
        }
        long ran = System.nanoTime();
        stages.ran(ran - admitted);
        Observed trial0 = observed(defaulted, trace);
        Verdict[] verdicts = new Verdict[observable.size()];
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] = Invariants.evaluate(observable.get(i), trial0);
        }
        stages.evaluated(System.nanoTime() - ran);
        if (target.reference()) {
            return new TrialOutcome(trial, seed, choices, scenario, origin, verdicts, null, null, null, null, null);
        }
        Comparison comparison = Comparison.of(defaulted, trace, target.observations(), target.timing(),
                plan.horizon(), plan.release());
        boolean violated = Arrays.stream(verdicts).anyMatch(Verdict.Violated.class::isInstance);
        Explained explained = Explained.of(comparison.differences(), plan.knownDifferences(), defaulted);
        return new TrialOutcome(trial, seed, choices, scenario, origin, verdicts, comparison.differences(), explained,
                violated || comparison.differs() ? trace : null, comparison.differs() ? comparison.reference() : null,
                null);
    }

    private Observed observed(Scenario scenario, Trace trace) {
        return new Observed(scenario, trace, plan.target().observations(), plan.target().tolerance(), plan.horizon(),
                plan.release());
    }

    /**
     * Each invariant's counts (corpus first) with its first violation shrunk. The shrinks run side by side: each is independent of the others, and on a real
     * target each rerun mostly waits on wall time.
     */
    private List<InvariantResult> tally(List<Tally.Count> byObservable, boolean shrink) {
        List<Invariant> invariants = plan.invariants();
        List<Tally.Count> counts = new ArrayList<>();
        List<Future<Counterexample>> shrinks = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(plan.parallelism());
        try {
            for (Invariant inv : invariants) {
                int at = observable.indexOf(inv);
                Tally.Count count = at < 0 ? null : byObservable.get(at);
                counts.add(count);
                boolean known = plan.knownDeviations().containsKey(inv.id());
                shrinks.add(count == null || count.first() == null ? null
                        : pool.submit(() -> known || !shrink ? asItHappened(inv, count.first(), (Verdict.Violated) count.first().verdicts()[at])
                                : shrink(inv, count.first(), (Verdict.Violated) count.first().verdicts()[at])));
            }
            List<InvariantResult> results = new ArrayList<>();
            for (int i = 0; i < invariants.size(); i++) {
                Invariant inv = invariants.get(i);
                Tally.Count count = counts.get(i);
                String known = plan.knownDeviations().get(inv.id());
                if (count == null) {
                    results.add(new InvariantResult(inv, false, 0, 0, 0, null, known, null));
                    continue;
                }
                Counterexample c = shrinks.get(i) == null ? null : shrinks.get(i).get();
                if (shrink && c != null && plan.corpus() != null && count.first().choices() != null && known == null) {
                    Corpus.save(plan.corpus(), c);
                }
                results.add(new InvariantResult(inv, true, count.holds(), count.violated(), count.unknown(), c, known,
                        count.firstUnknown()));
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted while shrinking", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("shrinking failed inside podcheck: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The smallest scenario the generator can make that still violates the invariant on the target.
     * A run the target could not complete shows nothing, so it is not a smaller counterexample.
     */
    private Counterexample shrink(Invariant inv, TrialOutcome first, Verdict.Violated original) {
        if (first.choices() == null) {
            return counterexample(inv, first, original, first.scenario(), 0);
        }
        Shrinking.Shrunk<Scenario> shrunk = Shrinking.shrink(scenarios, first.choices(), null,
                s -> {
                    Scenario defaulted = Defaulting.apply(s);
                    Trace trace;
                    try {
                        trace = deadline.run(plan.target(), defaulted, plan.horizon());
                    } catch (Target.TargetException e) {
                        return;
                    }
                    if (Invariants.evaluate(inv, observed(defaulted, trace)) instanceof Verdict.Violated) {
                        throw new AssertionError("still violated");
                    }
                }, plan.maxShrinkAttempts());
        return counterexample(inv, first, original, shrunk.value(), shrunk.steps());
    }

    /**
     * A known deviation is not shrunk: its minimal pod is in the known-deviations file's story, and
     * on a real target each shrink step costs a pod. Its first trial is shown as it happened.
     */
    private Counterexample asItHappened(Invariant inv, TrialOutcome first, Verdict.Violated original) {
        return first.trace() != null
                ? new Counterexample(inv, first.origin(), first.trialSeed(), first.trial(), first.scenario(), first.trace(),
                        original, 0, true)
                : counterexample(inv, first, original, first.scenario(), 0);
    }

    /**
     * Runs the shrunk scenario once more for its trace. The reference is deterministic, so a
     * violation that does not come back is a bug in podcheck; a real target is not, so its
     * original trial is reported as it happened, marked as not reproduced. So is any target's that failed
     * or passed its deadline on the rerun: that shows nothing about determinism.
     */
    private Counterexample counterexample(Invariant inv, TrialOutcome first, Verdict.Violated original,
                                          Scenario scenario, int steps) {
        try {
            Scenario defaulted = Defaulting.apply(scenario);
            Trace trace = deadline.run(plan.target(), defaulted, plan.horizon());
            Verdict verdict = Invariants.evaluate(inv, observed(defaulted, trace));
            if (verdict instanceof Verdict.Violated violated) {
                return new Counterexample(inv, first.origin(), first.trialSeed(), first.trial(), scenario, trace,
                        violated, steps, true);
            }
            if (plan.target().reference()) {
                throw new IllegalStateException(inv.id() + " no longer fails on its counterexample: the reference is not deterministic");
            }
        } catch (Target.TargetException e) {
            // reported below as it happened
        }
        return new Counterexample(inv, first.origin(), first.trialSeed(), first.trial(), first.scenario(),
                first.trace(), original, 0, false);
    }
}
