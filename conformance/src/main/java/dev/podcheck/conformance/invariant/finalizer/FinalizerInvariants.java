package dev.podcheck.conformance.invariant.finalizer;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code finalizer}, in id order. */
public final class FinalizerInvariants {
    private FinalizerInvariants() {}

    /** The invariants of group {@code finalizer}. */
    public static List<Invariant> all() {
        return List.of(new FinalStatusReadable(), new HoldsRemoval(), new RemovedOnceReleased());
    }
}
