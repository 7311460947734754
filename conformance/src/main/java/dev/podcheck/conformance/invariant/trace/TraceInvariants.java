package dev.podcheck.conformance.invariant.trace;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code trace}, in id order. */
public final class TraceInvariants {
    private TraceInvariants() {}

    public static List<Invariant> all() {
        return List.of(new WellFormed());
    }
}
