package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/**
 * The invariants of group {@code restart}, in id order. {@link BackOff} (restart/backoff) is left
 * out while the reference engine restarts a liveness-killed container without the back-off check
 * doBackOff makes against the run before (PodWorker.restartAfterProbeKill); see BackOffTest.
 */
public final class RestartInvariants {
    private RestartInvariants() {}

    public static List<Invariant> all() {
        return List.of(new AlwaysRestarts(), new BackOff(), new CountMonotone(), new CrashLoopHasLastState(),
                new NeverRestarts(), new OnFailureRestarts());
    }
}
