package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.generate.Size;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The budget of a plain {@code podcheck run} (RunCommand's defaults: 1,000 trials, Size.DEFAULT,
 * a 10-minute horizon, the whole catalogue), with a fixed seed instead of a random one so the
 * self-check is deterministic, on the engine with the given faults.
 *
 * <p>Detection runs do not shrink ({@link #DETECTION_SHRINK_ATTEMPTS}): shrinking changes only the
 * counterexample shown, never which trial first violates an invariant, and shrinking every
 * violation of 18 mutants would cost minutes. Pinned counterexamples use the CLI's 2,000 attempts.
 */
final class DefaultRun {
    /** The seed every self-check run uses; changing it changes the recorded trials and counterexamples. */
    static final long SEED = 20_250_601L;
    static final int TRIALS = 1000;
    static final Duration HORIZON = Duration.ofMinutes(10);
    /** What {@code podcheck run} uses. */
    static final int SHRINK_ATTEMPTS = 2000;
    static final int DETECTION_SHRINK_ATTEMPTS = 0;

    private DefaultRun() {}

    /** The whole catalogue, the default trials, no shrinking: which invariants notice, and when. */
    static RunPlan detection(Set<Fault> faults) {
        return plan(faults, Catalogue.all(), DETECTION_SHRINK_ATTEMPTS);
    }

    /** The default trials on these invariants, shrunk as {@code podcheck run} shrinks. */
    static RunPlan shrinking(Set<Fault> faults, List<Invariant> invariants) {
        return plan(faults, invariants, SHRINK_ATTEMPTS);
    }

    private static RunPlan plan(Set<Fault> faults, List<Invariant> invariants, int shrinkAttempts) {
        EngineTarget target = new EngineTarget(EngineOptions.DEFAULT.withFaults(faults));
        return RunPlan.builder(target).invariants(invariants).trials(TRIALS).seed(SEED).horizon(HORIZON)
                .maxShrinkAttempts(shrinkAttempts).build();
    }

    static RunResult run(RunPlan plan) {
        return new Runner(plan).run((done, total) -> { });
    }
}
