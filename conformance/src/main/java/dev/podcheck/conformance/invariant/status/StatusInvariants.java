package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code status}, in id order. */
public final class StatusInvariants {
    private StatusInvariants() {}

    /**
     * status/ready-implies-started ({@link ReadyImpliesStarted}) is left out: the engine starts a
     * container after an eviction ended the pod and reports it ready in a Terminated state (engine bug).
     */
    public static List<Invariant> all() {
        return List.of(new ContainersReady(), new EveryContainer(), new NotReadyBeforeReadiness(), new ReadyImpliesStarted());
    }
}
