package dev.podcheck.conformance.versions;

import dev.podcheck.conformance.runner.TrialSeeds;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;
import dev.podcheck.engine.ReleaseRule;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Shrinking;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The upgrade question: which of these scenarios does the reference engine predict differently under two releases?
 * Each scenario is predicted under both; a changed prediction is attributed to the release rules ({@link ReleaseRule})
 * that change it, by predicting it under the first release with one rule taken from the second at a time; the
 * first scenario of each rule (or rules together) is shrunk to a minimal pod that the same rules still change.
 * Deterministic: the engine is, and each trial's scenario depends only on the seed and its number.
 *
 * <p>Stability: experimental.
 */
public final class VersionDiff {
    private final VersionDiffPlan plan;
    private final Gen<Scenario> scenarios;
    private final List<ReleaseRule> differing;

    private VersionDiff(VersionDiffPlan plan) {
        this.plan = plan;
        this.scenarios = ScenarioGen.scenarios(plan.size());
        this.differing = ReleaseRule.differing(plan.from(), plan.to());
    }

    public static VersionDiffResult run(VersionDiffPlan plan) {
        return new VersionDiff(plan).run();
    }

    /** A scenario whose predictions differ, before grouping and shrinking. */
    private record Changed(int index, String origin, long trialSeed, long[] choices, Scenario written,
                           Trace from, Trace to, List<ReleaseRule> rules) {}

    private VersionDiffResult run() {
        long started = System.nanoTime();
        int total = plan.generated() ? plan.trials() : plan.written().size();
        List<Changed> changed = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(plan.parallelism());
        try {
            List<Future<Changed>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                int index = i;
                futures.add(pool.submit(() -> compare(index)));
            }
            for (Future<Changed> f : futures) {
                Changed c = f.get();
                if (c != null) {
                    changed.add(c);
                }
            }
            List<RuleChange> changes = shrinkEach(group(changed), pool);
            List<ReleaseRule> unexercised = differing.stream()
                    .filter(rule -> changes.stream().noneMatch(c -> c.rules().contains(rule))).toList();
            return new VersionDiffResult(plan.from(), plan.to(), plan.seed(), plan.generated(), total, changed.size(),
                    changes, unexercised, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the comparison was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a prediction failed inside podcheck: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Changed compare(int index) {
        if (!plan.generated()) {
            VersionDiffPlan.Written w = plan.written().get(index);
            return compare(index, w.origin(), 0, null, w.scenario());
        }
        long seed = new TrialSeeds(plan.seed()).forTrial(index);
        Choices choices = Choices.random(seed);
        Scenario scenario = scenarios.generate(choices);
        return compare(index, "seed " + plan.seed() + " trial " + index, seed, choices.recorded(), scenario);
    }

    private Changed compare(int index, String origin, long seed, long[] choices, Scenario written) {
        Scenario defaulted = Defaulting.apply(written);
        Trace from = predict(defaulted, plan.from());
        Trace to = predict(defaulted, plan.to());
        return from.equals(to) ? null
                : new Changed(index, origin, seed, choices, written, from, to, attribute(defaulted, from));
    }

    /**
     * The rules that change the prediction each on its own; all differing rules when none does alone (they change it
     * only together).
     */
    private List<ReleaseRule> attribute(Scenario defaulted, Trace from) {
        List<ReleaseRule> alone = differing.stream()
                .filter(rule -> !predict(defaulted, rule.takeFrom(plan.from(), plan.to())).equals(from)).toList();
        return alone.isEmpty() ? differing : alone;
    }

    private Trace predict(Scenario defaulted, Profile release) {
        return Engine.simulate(defaulted, EngineOptions.DEFAULT.withProfile(release).withHorizon(plan.horizon()));
    }

    /** Changed scenarios by the rules that change them, each group in the order of its first scenario. */
    private static Map<List<ReleaseRule>, List<Changed>> group(List<Changed> changed) {
        Map<List<ReleaseRule>, List<Changed>> groups = new LinkedHashMap<>();
        changed.stream().sorted((a, b) -> Integer.compare(a.index(), b.index()))
                .forEach(c -> groups.computeIfAbsent(c.rules(), k -> new ArrayList<>()).add(c));
        return groups;
    }

    private List<RuleChange> shrinkEach(Map<List<ReleaseRule>, List<Changed>> groups, ExecutorService pool)
            throws InterruptedException, ExecutionException {
        List<Future<RuleChange>> shrinks = new ArrayList<>();
        groups.forEach((rules, members) -> shrinks.add(pool.submit(
                () -> new RuleChange(rules, members.size(), example(members.get(0))))));
        List<RuleChange> out = new ArrayList<>();
        for (Future<RuleChange> f : shrinks) {
            out.add(f.get());
        }
        return out;
    }

    /** The first scenario of a group, shrunk (when generated) to one that the same rules still change. */
    private ChangedPrediction example(Changed first) {
        Scenario shown = first.written();
        int steps = 0;
        if (first.choices() != null && plan.shrinkAttempts() > 0) {
            Shrinking.Shrunk<Scenario> shrunk = Shrinking.shrink(scenarios, first.choices(), null, s -> {
                Changed again = compare(first.index(), first.origin(), first.trialSeed(), null, s);
                if (again != null && again.rules().equals(first.rules())) {
                    throw new AssertionError("the same rules still change it");
                }
            }, plan.shrinkAttempts());
            shown = shrunk.value();
            steps = shrunk.steps();
        }
        Scenario defaulted = Defaulting.apply(shown);
        return new ChangedPrediction(first.origin(), first.trialSeed(), defaulted, predict(defaulted, plan.from()),
                predict(defaulted, plan.to()), steps);
    }
}
