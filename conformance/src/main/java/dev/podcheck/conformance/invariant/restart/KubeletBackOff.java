package dev.podcheck.conformance.invariant.restart;

/**
 * client-go flowcontrol.Backoff as kuberuntime_manager.go doBackOff drives it for one container
 * (SEMANTICS ), replayed over observed exits and starts: the checker's own copy of the
 * rule, never the engine's.
 */
final class KubeletBackOff {
    /** kubelet.go initialCrashLoopBackOff and MaxContainerBackOff with default feature gates. */
    static final long INITIAL_MILLIS = 10_000;
    static final long MAX_MILLIS = 300_000;

    private boolean hasEntry;
    private long backoff;
    private long lastUpdate;

    /** IsInBackOffSince(finishedAt) at {@code now}: the delay still to wait, 0 when none. */
    long remaining(long finishedAt, long now) {
        if (!hasEntry || expired(finishedAt)) {
            return 0;
        }
        return Math.max(0, backoff - (now - finishedAt));
    }

    /** The delay in force for an exit at {@code finishedAt}: what IsInBackOffSince compares with. */
    long delay(long finishedAt) {
        return !hasEntry || expired(finishedAt) ? 0 : backoff;
    }

    /** Next(finishedAt) at {@code now}: the first delay, or double the last one up to the cap. */
    void next(long finishedAt, long now) {
        backoff = !hasEntry || expired(finishedAt) ? INITIAL_MILLIS : Math.min(2 * backoff, MAX_MILLIS);
        hasEntry = true;
        lastUpdate = now;
    }

    /** The entry is stale after a run longer than 2 x max (10 min) since the last Next. */
    private boolean expired(long eventTime) {
        return eventTime - lastUpdate > 2 * MAX_MILLIS;
    }
}
