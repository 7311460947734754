package dev.podcheck.conformance.invariant.sidecar;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code sidecar}, in id order. */
public final class SidecarInvariants {
    private SidecarInvariants() {}

    public static List<Invariant> all() {
        // sidecar/always-restart (AlwaysRestart) is out for the same reason as restart/always (RestartInvariants).
        return List.of(new StopOrder());
    }
}
