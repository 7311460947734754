package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code status}, in id order. */
public final class StatusInvariants {
    private StatusInvariants() {}

    /** The invariants of group {@code status}. */
    public static List<Invariant> all() {
        return List.of(new ContainersReady(), new EveryContainer(), new Initialized(), new NotReadyBeforeReadiness(),
                new ReadinessConditions(), new ReadyImpliesStarted(), new ReadyOnceGatesTrue(), new TerminationMessageLimits(), new TerminationMessageReported());
    }
}
