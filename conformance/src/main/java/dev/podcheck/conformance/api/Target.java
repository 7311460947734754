package dev.podcheck.conformance.api;

import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.engine.Profile;
import java.time.Duration;
import java.util.Set;

/**
 * Something that runs pods: the embedded engine, a Kubernetes cluster, podman. Implementations
 * must allow concurrent {@link #run} calls.
 *
 * <p>Stability: experimental.
 */
public interface Target extends AutoCloseable {
    String name();

    /**
     * Whether this target is the reference itself. For any other target the runner also asks the
     * engine for its prediction and reports where the two differ.
     */
    default boolean reference() {
        return false;
    }

    /** What this target can observe of a pod. */
    Set<Observation> observations();

    /** How far its observed times may lag what the rules say (0 for the engine); what invariants allow. */
    Duration tolerance();

    /**
     * What this target adds to the reference's timing, from each cause to its effect: what the
     * comparison with the reference allows. By default any effect may lag its cause by
     * {@link #tolerance()}.
     */
    default Timing timing() {
        return Timing.reactingWithin(tolerance());
    }

    /**
     * Runs a defaulted, valid scenario for {@code horizon} and returns what was observed.
     *
     * @throws TargetException when the target could not run or observe it (the trial is inconclusive)
     */
    Trace run(Scenario defaulted, Duration horizon) throws TargetException;

    /**
     * How long one {@link #run} may take in wall time before the runner interrupts it and counts the trial
     * inconclusive: by default the horizon (a real target runs in wall time) and two minutes for creating,
     * starting, stopping and removing a pod. An interrupted run should give up and remove what it made.
     */
    default Duration trialDeadline(Duration horizon) {
        return horizon.plus(Duration.ofMinutes(2));
    }

    /** Releases what the target holds (a run namespace, pods); called once, after the last trial. */
    @Override
    default void close() {}

    /**
     * The Kubernetes release whose kubelet the reference engine plays when this target's trials are
     * compared with its prediction: the engine's default profile unless the target knows better.
     */
    default Profile profile() {
        return Profile.DEFAULT;
    }

    /** The target failed to run a trial: not a violation, an inconclusive result. */
    final class TargetException extends Exception {
        private static final long serialVersionUID = 1L;

        public TargetException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
