package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.spec.generate.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one run does.
 *
 * @param knownDeviations  invariant ids whose violations are expected on this target, with the reason
 * @param knownDifferences facts of the differential on which this target is known to differ
 * @param corpus          a folder of scenario files replayed first, and where new counterexamples go; null for none
 * @param budget          wall time after which no new trial starts; null for none
 * @param minTrials       how many trials must run for the run to count when the budget stops it; null for all
 */
public record RunPlan(Target target, List<Invariant> invariants, int trials, long seed, Shard shard, int parallelism,
                      Duration budget, Map<String, String> knownDeviations, List<KnownDifference> knownDifferences,
                      Path corpus, Duration horizon, Size size, int maxShrinkAttempts, Integer minTrials) {
    public RunPlan {
        invariants = List.copyOf(invariants);
        knownDeviations = Map.copyOf(knownDeviations);
        knownDifferences = List.copyOf(knownDifferences);
        if (trials < 0 || parallelism < 1 || minTrials != null && minTrials < 0) {
            throw new IllegalArgumentException("trials and minTrials must be >= 0 and parallelism >= 1");
        }
    }

    /** A plan with no known differences from the reference, in which every trial asked for must run. */
    public RunPlan(Target target, List<Invariant> invariants, int trials, long seed, Shard shard, int parallelism,
                   Duration budget, Map<String, String> knownDeviations, Path corpus, Duration horizon, Size size,
                   int maxShrinkAttempts) {
        this(target, invariants, trials, seed, shard, parallelism, budget, knownDeviations, List.of(), corpus, horizon,
                size, maxShrinkAttempts, null);
    }
}
