package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;

/**
 * From {@code at} on, the node's pods may run {@code maxPids} tasks and the kubelet has a hard eviction threshold
 * {@code evictionThreshold} on pid.available (SEMANTICS E-1, NP-6): when maxPids minus the tasks of the pods' running
 * containers drops below it, the kubelet evicts. maxPids stands for the node's MaxPID (the lower of kernel.pid_max and
 * kernel.threads-max) less the tasks outside pods, as allocatable does for memory. Linux sets no default pid.available
 * threshold, so the event must name one.
 */
public record NodePidPressure(Duration at, Long maxPids, Long evictionThreshold) implements WorldEvent {
    public NodePidPressure {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
        if (maxPids == null || maxPids <= 0) {
            throw new IllegalArgumentException("maxPids must be a positive number of tasks, got " + maxPids);
        }
        if (evictionThreshold == null || evictionThreshold <= 0) {
            // The kubelet refuses a threshold it cannot parse as positive (eviction/helpers.go parseThresholdStatement).
            throw new IllegalArgumentException("eviction threshold pid.available must be a positive number of tasks, got "
                    + evictionThreshold);
        }
    }
}
