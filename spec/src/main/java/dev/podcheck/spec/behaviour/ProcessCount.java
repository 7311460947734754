package dev.podcheck.spec.behaviour;

import java.time.Duration;

/**
 * From {@code from} after start, the instance runs {@code count} tasks (processes and their threads): what the node's
 * pid.available counts (SEMANTICS NP-6).
 */
public record ProcessCount(Duration from, Long count) implements UseStep {
    public ProcessCount {
        from = from == null ? Duration.ZERO : from;
        Durations.requireNonNegative("from", from);
        if (count == null || count < 0) {
            throw new IllegalArgumentException("count must be a non-negative number of processes, got " + count);
        }
    }

    @Override
    public long amount() {
        return count;
    }
}
