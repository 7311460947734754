package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.engine.Profile;
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
 * @param trialDeadline   wall time one run of the target may take (a trial, a shrink rerun) before it is
 *                        inconclusive; null for the target's own ({@link Target#trialDeadline})
 * @param release         the Kubernetes release the target is held to: the invariants' release-dependent rules and
 *                        the reference a real target is compared with
 */
public record RunPlan(Target target, List<Invariant> invariants, int trials, long seed, Shard shard, int parallelism,
                      Duration budget, Map<String, String> knownDeviations, List<KnownDifference> knownDifferences,
                      Path corpus, Duration horizon, Size size, int maxShrinkAttempts, Integer minTrials,
                      Duration trialDeadline, Profile release) {
    public RunPlan {
        if (trialDeadline != null && (trialDeadline.isNegative() || trialDeadline.isZero())) {
            throw new IllegalArgumentException("a trial deadline must be positive, got " + trialDeadline);
        }
        invariants = List.copyOf(invariants);
        knownDeviations = Map.copyOf(knownDeviations);
        knownDifferences = List.copyOf(knownDifferences);
        if (trials < 0 || parallelism < 1 || minTrials != null && minTrials < 0) {
            throw new IllegalArgumentException("trials and minTrials must be >= 0 and parallelism >= 1");
        }
    }

    /** A plan held to the default release. */
    public RunPlan(Target target, List<Invariant> invariants, int trials, long seed, Shard shard, int parallelism,
                   Duration budget, Map<String, String> knownDeviations, List<KnownDifference> knownDifferences,
                   Path corpus, Duration horizon, Size size, int maxShrinkAttempts, Integer minTrials,
                   Duration trialDeadline) {
        this(target, invariants, trials, seed, shard, parallelism, budget, knownDeviations, knownDifferences, corpus,
                horizon, size, maxShrinkAttempts, minTrials, trialDeadline, Profile.DEFAULT);
    }

    /** A plan whose trials have the target's own deadline. */
    public RunPlan(Target target, List<Invariant> invariants, int trials, long seed, Shard shard, int parallelism,
                   Duration budget, Map<String, String> knownDeviations, List<KnownDifference> knownDifferences,
                   Path corpus, Duration horizon, Size size, int maxShrinkAttempts, Integer minTrials) {
        this(target, invariants, trials, seed, shard, parallelism, budget, knownDeviations, knownDifferences, corpus,
                horizon, size, maxShrinkAttempts, minTrials, null);
    }

    /** The deadline of one run of the target: the plan's, else the target's own for this horizon. */
    public Duration deadline() {
        return trialDeadline != null ? trialDeadline : target.trialDeadline(horizon);
    }

    /** A plan with no known differences from the reference, in which every trial asked for must run. */
    public RunPlan(Target target, List<Invariant> invariants, int trials, long seed, Shard shard, int parallelism,
                   Duration budget, Map<String, String> knownDeviations, Path corpus, Duration horizon, Size size,
                   int maxShrinkAttempts) {
        this(target, invariants, trials, seed, shard, parallelism, budget, knownDeviations, List.of(), corpus, horizon,
                size, maxShrinkAttempts, null, null);
    }
}
