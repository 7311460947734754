package dev.podcheck.conformance.invariant.localstorage;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code localstorage}: local ephemeral storage limit evictions across a node's pods. */
public final class LocalStorageInvariants {
    private LocalStorageInvariants() {}

    public static List<Invariant> all() {
        return List.of(new EvictsOverLimit(), new OnlyOverLimit());
    }
}
