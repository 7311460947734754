package dev.podcheck.spec.admission;

/**
 * What the apiserver records when a pod is deleted: the grace period it settles on and the pod's
 * deletionTimestamp (staging/.../apiserver/pkg/registry/rest/delete.go BeforeDelete; SEMANTICS T-1..T-3).
 * One statement of the rule for the engine and for rebuilding a real target's trace.
 *
 * @param deletionTimestampMillis when the grace runs out, in the caller's time unit of milliseconds
 */
public record GracefulDeletion(long deletionTimestampMillis, long gracePeriodSeconds) {

    /**
     * The deletion state after a DELETE at {@code nowMillis}, or null when the DELETE changes nothing
     * (the pod is already being deleted and the grace asked for does not shorten it).
     *
     * @param current        the state so far, null for the first DELETE
     * @param requestedGrace the DELETE's gracePeriodSeconds, null for the pod's own
     * @param terminal       the pod is Succeeded or Failed, which the apiserver deletes at once
     */
    public static GracefulDeletion after(GracefulDeletion current, long nowMillis, Long requestedGrace, boolean force,
                                         long podGraceSeconds, boolean terminal) {
        long grace = requestedGrace != null ? requestedGrace : podGraceSeconds;
        if (grace < 0) {
            grace = 1; // T-1
        }
        if (force || terminal) {
            grace = 0; // T-1, T-3, INV-20
        }
        if (current == null) {
            return new GracefulDeletion(nowMillis + boundedMillis(grace), grace);
        }
        if (grace >= current.gracePeriodSeconds) {
            return null; // T-2: only a shorter grace counts
        }
        // T-2: the timestamp moves back by the grace given up, but never into the past; a graceful
        // DELETE that finds it past gets grace 1 so that the kubelet still stops the pod.
        long timestamp = current.deletionTimestampMillis - boundedMillis(current.gracePeriodSeconds) + boundedMillis(grace);
        return timestamp >= nowMillis ? new GracefulDeletion(timestamp, grace)
                : new GracefulDeletion(nowMillis, grace == 0 ? 0 : 1);
    }

    /**
     * A grace in milliseconds, bounded at 10^12 s (some 31,000 years, past any horizon): the API allows any
     * int64, whose milliseconds overflow. Below the bound the timestamps are exact, shortenings included.
     */
    private static long boundedMillis(long graceSeconds) {
        return Math.min(graceSeconds, 1_000_000_000_000L) * 1000;
    }
}
