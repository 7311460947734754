package dev.podcheck.engine.eviction;

/**
 * The grace period override synchronize passes to evictPod (eviction_manager.go; SEMANTICS E-6,
 * DISC-1: the docs say 0s for hard thresholds, the code gives 1s).
 */
public final class EvictionGracePeriod {
    /** eviction_manager.go immediateEvictionGracePeriodSeconds. */
    public static final long IMMEDIATE_SECONDS = 1;

    private EvictionGracePeriod() {}

    /**
     * A hard threshold gives {@link #IMMEDIATE_SECONDS}; a soft one gives evictionMaxPodGracePeriod,
     * lowered to the pod's terminationGracePeriodSeconds when that is set and smaller.
     */
    public static long override(boolean hardThreshold, long maxPodGracePeriodSeconds,
            Long terminationGracePeriodSeconds) {
        if (hardThreshold) {
            return IMMEDIATE_SECONDS;
        }
        if (terminationGracePeriodSeconds == null) {
            return maxPodGracePeriodSeconds;
        }
        return Math.min(maxPodGracePeriodSeconds, terminationGracePeriodSeconds);
    }
}
