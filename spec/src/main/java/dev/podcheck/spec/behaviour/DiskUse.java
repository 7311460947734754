package dev.podcheck.spec.behaviour;

import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;

/**
 * From {@code from} after start, the instance's writable layer and logs hold {@code bytes}: what the kubelet's
 * summary reports as the container's rootfs plus logs use (SEMANTICS LS-2).
 */
public record DiskUse(Duration from, Quantity bytes) implements UseStep {
    public DiskUse {
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
