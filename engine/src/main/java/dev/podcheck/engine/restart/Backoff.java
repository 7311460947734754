package dev.podcheck.engine.restart;

import dev.podcheck.engine.Fault;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * client-go flowcontrol.Backoff as the kubelet uses it twice: the crash-loop back-off of
 * kuberuntime_manager.go doBackOff (SEMANTICS ), keyed by container name and image (the part
 * of the spec hash an update can change, SU-3), and the image pull back-off of images/image_manager.go (IP-5),
 * keyed by image. Both are built without jitter (U-4), 10 s doubling to 300 s.
 */
public final class Backoff {
    private final long initialMillis;
    private final long maxMillis;
    private final Set<Fault> faults;
    private final Map<String, Entry> entries = new HashMap<>();

    private static final class Entry {
        long backoff;
        long lastUpdate;
    }

    public Backoff(long initialMillis, long maxMillis) {
        this(initialMillis, maxMillis, Set.of());
    }

    /** @param faults deliberate deviations for podcheck's self-check; empty in normal use */
    public Backoff(long initialMillis, long maxMillis, Set<Fault> faults) {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
        this.faults = Set.copyOf(faults);
    }

    /**
     * IsInBackOffSince(key, finishedAt): still waiting if the entry has not expired and less than
     * the current delay has passed since the last exit.
     */
    public boolean isInBackOffSince(String key, long finishedAt, long now) {
        Entry e = entries.get(key);
        if (e == null || hasExpired(finishedAt, e.lastUpdate)) {
            return false;
        }
        return now - finishedAt < e.backoff;
    }

    /** IsInBackOffSinceUpdate(key, now): still waiting if less than the current delay has passed since the last Next. */
    public boolean isInBackOffSinceUpdate(String key, long now) {
        Entry e = entries.get(key);
        if (e == null || hasExpired(now, e.lastUpdate)) {
            return false;
        }
        return now - e.lastUpdate < e.backoff;
    }

    /** Next(key, finishedAt): the first delay, or double the last one up to the cap; stamped now. */
    public void next(String key, long finishedAt, long now) {
        Entry e = entries.get(key);
        if (e == null || hasExpired(finishedAt, e.lastUpdate)) {
            e = new Entry();
            e.backoff = initialMillis;
            entries.put(key, e);
        } else if (faults.contains(Fault.BACK_OFF_NOT_GROWING)) {
            e.backoff = initialMillis;
        } else {
            long doubled = e.backoff * 2;
            e.backoff = faults.contains(Fault.BACK_OFF_NOT_CAPPED) ? doubled : Math.min(doubled, maxMillis);
        }
        e.lastUpdate = now;
    }

    /** The current delay for key, or 0 when there is none. */
    /** Every entry dropped, as when the kubelet restarts: the back-off lives in its memory only (SEMANTICS KR-3). */
    public void forgetAll() {
        entries.clear();
    }

    public long delay(String key) {
        Entry e = entries.get(key);
        return e == null ? 0 : e.backoff;
    }

    /** An entry is stale once the container ran (from its last start to its exit) longer than 2 x max. */
    private boolean hasExpired(long eventTime, long lastUpdate) {
        return eventTime - lastUpdate > 2 * maxMillis;
    }
}
