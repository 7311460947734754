package dev.podcheck.conformance.invariant.update;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code update}, in id order. */
public final class UpdateInvariants {
    private UpdateInvariants() {}

    /** The invariants of group {@code update}. */
    public static List<Invariant> all() {
        return List.of(new ImageChangeRestarts(), new RestartOnlyOnChange());
    }
}
