package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Invariants;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Shrinking;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a plan: the corpus first, then this shard's generated trials (in parallel), checks every
 * observable invariant on every trace, and shrinks each invariant's first violation to a minimal
 * scenario. Reports are deterministic: a violation is reported from the lowest trial that shows it.
 */
public final class Runner {
    /** Told after each trial, for a progress bar. */
    public interface Progress {
        void trialDone(int done, int total);
    }

    private final RunPlan plan;
    private final Gen<Scenario> scenarios;
    private final List<Invariant> observable;

    public Runner(RunPlan plan) {
        this.plan = plan;
        this.scenarios = ScenarioGen.scenarios(plan.size());
        this.observable = plan.invariants().stream()
                .filter(inv -> plan.target().observations().containsAll(inv.needs())).toList();
    }

    public RunResult run(Progress progress) {
        long started = System.nanoTime();
        long deadline = plan.budget() == null ? Long.MAX_VALUE : started + plan.budget().toNanos();
        List<Corpus.Entry> corpus = plan.corpus() == null ? List.of() : Corpus.read(plan.corpus());
        List<Integer> mine = new ArrayList<>();
        for (int i = 0; i < plan.trials(); i++) {
            if (plan.shard().owns(i)) {
                mine.add(i);
            }
        }
        int total = corpus.size() + mine.size();
        AtomicInteger done = new AtomicInteger();
        List<TrialOutcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(plan.parallelism());
        try {
            List<Future<TrialOutcome>> futures = new ArrayList<>();
            for (int c = 0; c < corpus.size(); c++) {
                Corpus.Entry entry = corpus.get(c);
                int index = -1 - c;
                futures.add(pool.submit(() -> counted(runCorpus(index, entry), done, total, progress)));
            }
            for (int trial : mine) {
                futures.add(pool.submit(() -> System.nanoTime() > deadline ? null
                        : counted(runGenerated(trial), done, total, progress)));
            }
            for (Future<TrialOutcome> f : futures) {
                TrialOutcome outcome = f.get();
                if (outcome != null) {
                    outcomes.add(outcome);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a trial failed inside podcheck: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<InvariantResult> results = tally(outcomes);
        int errors = (int) outcomes.stream().filter(o -> o.error() != null).count();
        boolean budgetReached = outcomes.size() < total;
        return new RunResult(plan.target().name(), plan.seed(), plan.shard(), results, outcomes.size() - errors, errors,
                corpus.size(), Duration.ofNanos(System.nanoTime() - started), budgetReached);
    }

    private static TrialOutcome counted(TrialOutcome outcome, AtomicInteger done, int total, Progress progress) {
        progress.trialDone(done.incrementAndGet(), total);
        return outcome;
    }

    private TrialOutcome runGenerated(int trial) {
        long seed = new TrialSeeds(plan.seed()).forTrial(trial);
        Choices choices = Choices.random(seed);
        Scenario scenario = scenarios.generate(choices);
        return evaluate(trial, seed, choices.recorded(), scenario, "seed " + plan.seed() + " trial " + trial);
    }

    private TrialOutcome runCorpus(int index, Corpus.Entry entry) {
        return evaluate(index, 0, null, entry.scenario(), entry.file().toString());
    }

    /** Runs a scenario as written (the target gets it as the apiserver stores it: defaulted). */
    private TrialOutcome evaluate(int trial, long seed, long[] choices, Scenario scenario, String origin) {
        Scenario defaulted = Defaulting.apply(scenario);
        Trace trace;
        try {
            trace = plan.target().run(defaulted, plan.horizon());
        } catch (Target.TargetException e) {
            return new TrialOutcome(trial, seed, choices, scenario, origin, null, e.getMessage());
        }
        Observed trial0 = observed(defaulted, trace);
        Verdict[] verdicts = new Verdict[observable.size()];
        for (int i = 0; i < verdicts.length; i++) {
            verdicts[i] = Invariants.evaluate(observable.get(i), trial0);
        }
        return new TrialOutcome(trial, seed, choices, scenario, origin, verdicts, null);
    }

    private Observed observed(Scenario scenario, Trace trace) {
        return new Observed(scenario, trace, plan.target().observations(), plan.target().tolerance(), plan.horizon());
    }

    /** Counts verdicts per invariant in trial order (corpus first) and shrinks each first violation. */
    private List<InvariantResult> tally(List<TrialOutcome> outcomes) {
        List<TrialOutcome> ordered = outcomes.stream().filter(o -> o.error() == null)
                .sorted(java.util.Comparator.comparingInt(TrialOutcome::trial)).toList();
        List<InvariantResult> results = new ArrayList<>();
        for (Invariant inv : plan.invariants()) {
            int at = observable.indexOf(inv);
            String known = plan.knownDeviations().get(inv.id());
            if (at < 0) {
                results.add(new InvariantResult(inv, false, 0, 0, 0, null, known, null));
                continue;
            }
            int holds = 0;
            int violated = 0;
            int unknown = 0;
            TrialOutcome first = null;
            String firstUnknown = null;
            for (TrialOutcome o : ordered) {
                Verdict v = o.verdicts()[at];
                if (v instanceof Verdict.Violated) {
                    violated++;
                    first = first == null ? o : first;
                } else if (v instanceof Verdict.Unknown u) {
                    unknown++;
                    firstUnknown = firstUnknown == null ? u.reason() : firstUnknown;
                } else {
                    holds++;
                }
            }
            Counterexample c = first == null ? null : shrink(inv, first);
            if (c != null && plan.corpus() != null && first.choices() != null && known == null) {
                Corpus.save(plan.corpus(), c);
            }
            results.add(new InvariantResult(inv, true, holds, violated, unknown, c, known, firstUnknown));
        }
        return results;
    }

    /** The smallest scenario the generator can make that still violates the invariant on the target. */
    private Counterexample shrink(Invariant inv, TrialOutcome first) {
        if (first.choices() == null) {
            return counterexample(inv, first, first.scenario(), 0);
        }
        Shrinking.Shrunk<Scenario> shrunk = Shrinking.shrink(scenarios, first.choices(), null,
                s -> {
                    Scenario defaulted = Defaulting.apply(s);
                    if (Invariants.evaluate(inv, observed(defaulted, plan.target().run(defaulted, plan.horizon())))
                            instanceof Verdict.Violated) {
                        throw new AssertionError("still violated");
                    }
                }, plan.maxShrinkAttempts());
        return counterexample(inv, first, shrunk.value(), shrunk.steps());
    }

    private Counterexample counterexample(Invariant inv, TrialOutcome first, Scenario scenario, int steps) {
        try {
            Scenario defaulted = Defaulting.apply(scenario);
            Trace trace = plan.target().run(defaulted, plan.horizon());
            Verdict verdict = Invariants.evaluate(inv, observed(defaulted, trace));
            if (verdict instanceof Verdict.Violated violated) {
                return new Counterexample(inv, first.origin(), first.trialSeed(), first.trial(), scenario, trace,
                        violated, steps);
            }
            throw new IllegalStateException(inv.id() + " no longer fails on its counterexample: the target is not deterministic");
        } catch (Target.TargetException e) {
            throw new IllegalStateException("the target failed on a counterexample: " + e.getMessage(), e);
        }
    }
}
