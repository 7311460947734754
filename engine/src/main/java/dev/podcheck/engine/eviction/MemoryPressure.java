package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.scenario.EvictionThreshold;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import java.util.List;

/**
 * One observation of the memory.available signal against its hard threshold
 * (helpers.go makeSignalObservations, thresholdsMet; SEMANTICS E-1, E-3).
 *
 * @param capacity what the pods may use: the node's allocatable in our model
 * @param available capacity minus the pods' working set (negative when they use more)
 * @param threshold the threshold's value for this capacity (GetThresholdQuantity)
 */
public record MemoryPressure(Quantity capacity, Quantity available, Quantity threshold) {

    public MemoryPressure {
        if (capacity == null || available == null || threshold == null) {
            throw new IllegalArgumentException("a memory observation needs capacity, available and threshold");
        }
    }

    /**
     * Observes {@code workingSetBytes} of use on a node with {@code capacity}. Available may go
     * below zero: the stats compute it as an unsigned limit minus working set, which wraps, and
     * makeSignalObservations' int64(...) turns the wrap back into the negative difference (real
     * events read "available: -9315068Ki"). It is never clamped.
     */
    public static MemoryPressure observe(Quantity capacity, long workingSetBytes, EvictionThreshold threshold) {
        long capacityBytes = capacity.longValue();
        long availableBytes = Math.subtractExact(capacityBytes, workingSetBytes);
        // makeSignalObservations builds both with resource.NewQuantity(..., BinarySI).
        return new MemoryPressure(Quantity.bytes(capacityBytes), Quantity.bytes(availableBytes),
                threshold.valueFor(Quantity.bytes(capacityBytes)));
    }

    /** The scenario's node under the given pods' working sets (pods without stats add nothing). */
    public static MemoryPressure observe(NodeMemoryPressure node, List<PodMemoryUse> pods) {
        long workingSet = 0;
        for (PodMemoryUse pod : pods) {
            workingSet = Int64.plus(workingSet, pod.workingSetBytes().orElse(0));
        }
        return observe(node.allocatable(), workingSet, EvictionThreshold.quantity(node.evictionThreshold()));
    }

    /** thresholdsMet with OpLessThan: met when threshold.Cmp(available) > 0, so equality is not met. */
    public boolean thresholdMet() {
        return threshold.compareTo(available) > 0;
    }
}
