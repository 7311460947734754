package dev.podcheck.conformance.invariant;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.init.InitOrder;
import java.util.List;

/** Every invariant podcheck checks, in a stable order (by group, then id). */
public final class Catalogue {
    private Catalogue() {}

    public static List<Invariant> all() {
        return List.of(
                new InitOrder());
    }
}
