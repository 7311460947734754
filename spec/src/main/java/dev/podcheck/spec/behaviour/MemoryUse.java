package dev.podcheck.spec.behaviour;

import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;

/** From {@code from} after start, the instance's working set is {@code bytes}. */
public record MemoryUse(Duration from, Quantity bytes) implements UseStep {
    public MemoryUse {
        from = from == null ? Duration.ZERO : from;
        Durations.requireNonNegative("from", from);
        if (bytes == null || bytes.signum() < 0) {
            throw new IllegalArgumentException("bytes must be a non-negative quantity, got " + bytes);
        }
    }

    @Override
    public long amount() {
        return bytes.longValue();
    }
}
