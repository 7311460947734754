package dev.podcheck.conformance.invariant.qos;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code qos}, in id order. */
public final class QoSInvariants {
    private QoSInvariants() {}

    public static List<Invariant> all() {
        return List.of(new QoSClass());
    }
}
