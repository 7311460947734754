package dev.podcheck.conformance.invariant.init;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code init}, in id order. */
public final class InitInvariants {
    private InitInvariants() {}

    public static List<Invariant> all() {
        return List.of(new CompletedNeverReruns(), new InitOrder(), new OneAtATime(), new NextStarts());
    }
}
