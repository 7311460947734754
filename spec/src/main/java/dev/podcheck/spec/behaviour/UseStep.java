package dev.podcheck.spec.behaviour;

import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;
import java.util.List;

/** One step of a use that holds from {@code from} after start until the next step: memory or disk. */
sealed interface UseStep permits MemoryUse, DiskUse {
    Duration from();

    Quantity bytes();

    /** The bytes of the latest step that has begun by {@code sinceStart}; 0 before the first. */
    static long latest(List<? extends UseStep> steps, Duration sinceStart) {
        long bytes = 0;
        for (UseStep step : steps) {
            if (step.from().compareTo(sinceStart) <= 0) {
                bytes = step.bytes().longValue();
            }
        }
        return bytes;
    }
}
