package dev.podcheck.adapters.observe;

/**
 * Wall-clock time against trace time for one pod: a trace counts milliseconds from the pod's
 * creation, a sighting carries ms since the epoch, and the API shows its times (startedAt,
 * finishedAt, deletionTimestamp) to the whole second of the wall clock (metav1.Time is RFC 3339
 * without fractions; status_manager.go normalizeStatus cuts the kubelet's times so).
 */
record PodClock(long createdEpochMillis) {

    /** Trace time of a wall-clock time; 0 (the API's unset, Go's zero time) stays 0; never before creation. */
    long toTrace(long epochMillis) {
        return epochMillis == 0 ? 0 : Math.max(0, epochMillis - createdEpochMillis);
    }

    long toEpoch(long at) {
        return createdEpochMillis + at;
    }

    /** The wall-clock time the API shows for trace time {@code at}: its second, as ms since the epoch. */
    long apiSecond(long at) {
        return Math.floorDiv(toEpoch(at), 1000) * 1000;
    }

    /** What is left in trace time of {@code at} once the API has cut it to its second. */
    long toApiResolution(long at) {
        return toTrace(apiSecond(at));
    }
}
