package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;

/**
 * From {@code at} on, the node has {@code allocatable} memory for pods and a hard eviction
 * threshold {@code evictionThreshold} on memory.available (SEMANTICS E-1..E-3): when
 * allocatable minus the pods' working set drops below it, the kubelet evicts.
 */
public record NodeMemoryPressure(Duration at, Quantity allocatable, Quantity evictionThreshold)
        implements WorldEvent {
    public NodeMemoryPressure {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
        if (allocatable == null || allocatable.signum() <= 0) {
            throw new IllegalArgumentException("allocatable must be a positive quantity, got " + allocatable);
        }
        evictionThreshold = evictionThreshold == null ? Quantity.parse("100Mi") : evictionThreshold;
        if (evictionThreshold.signum() <= 0) {
            // The kubelet refuses such a threshold when it starts (eviction/helpers.go parseThresholdStatement).
            throw new IllegalArgumentException("eviction threshold memory.available must be positive: " + evictionThreshold);
        }
    }
}
