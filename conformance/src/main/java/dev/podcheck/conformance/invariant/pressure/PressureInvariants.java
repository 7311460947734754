package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/**
 * The invariants of groups {@code pressure} and {@code pid}: node-pressure eviction across the pods of a node, for
 * memory.available and pid.available, in id order.
 */
public final class PressureInvariants {
    private PressureInvariants() {}

    public static List<Invariant> all() {
        return List.of(new EvictsWhilePressureLasts(), new OnePodAPass(), new RankedAcrossPods(),
                EvictsWhilePressureLasts.pids(), new PidOnlyUnderPressure(), new PidRanked());
    }
}
