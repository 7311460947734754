package dev.podcheck.spec.behaviour;

import java.time.Duration;
import java.util.List;

/** One step of a use that holds from {@code from} after start until the next step: memory, disk or processes. */
sealed interface UseStep permits MemoryUse, DiskUse, ProcessCount {
    Duration from();

    /** How much is in use: bytes, or a number of processes. */
    long amount();

    /** The amount of the latest step that has begun by {@code sinceStart}; 0 before the first. */
    static long latest(List<? extends UseStep> steps, Duration sinceStart) {
        long amount = 0;
        for (UseStep step : steps) {
            if (step.from().compareTo(sinceStart) <= 0) {
                amount = step.amount();
            }
        }
        return amount;
    }
}
