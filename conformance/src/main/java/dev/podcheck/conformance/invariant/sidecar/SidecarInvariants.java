package dev.podcheck.conformance.invariant.sidecar;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code sidecar}, in id order. */
public final class SidecarInvariants {
    private SidecarInvariants() {}

    public static List<Invariant> all() {
        return List.of(new AlwaysRestart(), new StopOrder());
    }
}
