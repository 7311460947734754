package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/**
 * The invariants of groups {@code disk}, {@code pressure} and {@code pid}: node-pressure eviction across the pods of a
 * node, for the node filesystem's available bytes, memory.available and pid.available, in id order.
 */
public final class PressureInvariants {
    private PressureInvariants() {}

    public static List<Invariant> all() {
        return List.of(EvictsWhilePressureLasts.disk(), OnlyUnderPressure.disk(), new DiskRanked(),
                new EvictsWhilePressureLasts(), new OnePodAPass(), new RankedAcrossPods(),
                EvictsWhilePressureLasts.pids(), OnlyUnderPressure.pids(), new PidRanked());
    }
}
