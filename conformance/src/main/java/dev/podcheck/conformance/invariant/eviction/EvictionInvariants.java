package dev.podcheck.conformance.invariant.eviction;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code eviction}, in id order. */
public final class EvictionInvariants {
    private EvictionInvariants() {}

    public static List<Invariant> all() {
        return List.of(new EvictedStatus(), new OnlyUnderPressure());
    }
}
