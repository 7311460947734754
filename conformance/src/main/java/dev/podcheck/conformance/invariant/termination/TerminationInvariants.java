package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code termination}, in id order. */
public final class TerminationInvariants {
    private TerminationInvariants() {}

    public static List<Invariant> all() {
        return List.of();
    }
}
