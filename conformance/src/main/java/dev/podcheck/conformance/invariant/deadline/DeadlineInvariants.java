package dev.podcheck.conformance.invariant.deadline;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code deadline}, in id order. */
public final class DeadlineInvariants {
    private DeadlineInvariants() {}

    public static List<Invariant> all() {
        return List.of(new ActiveDeadline());
    }
}
