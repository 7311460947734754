package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.generate.Size;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

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

    /** The deadline of one run of the target: the plan's, else the target's own for this horizon. */
    public Duration deadline() {
        return trialDeadline != null ? trialDeadline : target.trialDeadline(horizon);
    }

    /**
     * A plan for {@code target} with the defaults of {@code podcheck run}: the whole catalogue, 1000
     * trials of a drawn seed (in the result, for a replay), every core, no budget, a horizon of 10
     * minutes, the default size, 2000 shrink attempts, nothing known to deviate, no corpus, and the target's release.
     */
    public static Builder builder(Target target) {
        return new Builder(target);
    }

    /** Builds a {@link RunPlan}; each setting not given keeps the default named at {@link #builder}. */
    public static final class Builder {
        private final Target target;
        private List<Invariant> invariants = Catalogue.all();
        private int trials = 1000;
        private Long seed;
        private Shard shard = Shard.ALL;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private Duration budget;
        private Map<String, String> knownDeviations = Map.of();
        private List<KnownDifference> knownDifferences = List.of();
        private Path corpus;
        private Duration horizon = Duration.ofMinutes(10);
        private Size size = Size.DEFAULT;
        private int maxShrinkAttempts = 2000;
        private Integer minTrials;
        private Duration trialDeadline;
        private Profile release;

        private Builder(Target target) {
            this.target = Objects.requireNonNull(target, "target");
            this.release = target.profile();
        }

        public Builder invariants(List<Invariant> invariants) {
            this.invariants = invariants;
            return this;
        }

        public Builder trials(int trials) {
            this.trials = trials;
            return this;
        }

        /** The seed of the run: the same seed draws the same scenarios. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder shard(Shard shard) {
            this.shard = shard;
            return this;
        }

        /** Trials at once. */
        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        /** Wall time after which no new trial starts; null for none. */
        public Builder budget(Duration budget) {
            this.budget = budget;
            return this;
        }

        /** Invariant ids whose violations are expected on this target, with the reason. */
        public Builder knownDeviations(Map<String, String> knownDeviations) {
            this.knownDeviations = knownDeviations;
            return this;
        }

        public Builder knownDifferences(List<KnownDifference> knownDifferences) {
            this.knownDifferences = knownDifferences;
            return this;
        }

        /** A folder of scenario files replayed first, and where new counterexamples go; null for none. */
        public Builder corpus(Path corpus) {
            this.corpus = corpus;
            return this;
        }

        /** How long each scenario runs. */
        public Builder horizon(Duration horizon) {
            this.horizon = horizon;
            return this;
        }

        /** What generated scenarios may hold. */
        public Builder size(Size size) {
            this.size = size;
            return this;
        }

        /** How many reruns shrinking may spend on one violation. */
        public Builder maxShrinkAttempts(int maxShrinkAttempts) {
            this.maxShrinkAttempts = maxShrinkAttempts;
            return this;
        }

        /** How many trials must run for the run to count when the budget stops it; null for all. */
        public Builder minTrials(Integer minTrials) {
            this.minTrials = minTrials;
            return this;
        }

        /** Wall time one run of the target may take; null for the target's own. */
        public Builder trialDeadline(Duration trialDeadline) {
            this.trialDeadline = trialDeadline;
            return this;
        }

        /** The Kubernetes release the target is held to (by default the target's own, {@link Target#profile}). */
        public Builder release(Profile release) {
            this.release = Objects.requireNonNull(release, "release");
            return this;
        }

        /** The plan; a seed not given is drawn now. */
        public RunPlan build() {
            long s = seed != null ? seed : ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            return new RunPlan(target, invariants, trials, s, shard, parallelism, budget, knownDeviations,
                    knownDifferences, corpus, horizon, size, maxShrinkAttempts, minTrials, trialDeadline, release);
        }
    }
}
