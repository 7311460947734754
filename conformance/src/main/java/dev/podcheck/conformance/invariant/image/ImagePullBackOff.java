package dev.podcheck.conformance.invariant.image;

import java.util.HashMap;
import java.util.Map;

/**
 * The image back-off as a target's trace shows it (SEMANTICS IP-5): client-go flowcontrol.Backoff,
 * 10 s doubling to 300 s, keyed by image, an entry untouched for 600 s starting again. Fed each pull
 * in order, it says from when the next pull of its image is allowed.
 */
final class ImagePullBackOff {
    static final long INITIAL_MILLIS = 10_000;
    static final long MAX_MILLIS = 300_000;

    private record Entry(long delay, long lastUpdate) {}

    private final Map<String, Entry> entries = new HashMap<>();

    /** When a pull of {@code image} may come next; 0 when none has failed. */
    long allowedFrom(String image) {
        Entry e = entries.get(image);
        return e == null ? 0 : e.lastUpdate + e.delay;
    }

    /** The current delay of {@code image}, 0 when none has failed. */
    long delay(String image) {
        Entry e = entries.get(image);
        return e == null ? 0 : e.delay;
    }

    /** Next(image, failedAt): a failed pull starts the delay or doubles it. */
    void failed(String image, long failedAt) {
        Entry e = entries.get(image);
        long delay = e == null || failedAt - e.lastUpdate > 2 * MAX_MILLIS ? INITIAL_MILLIS
                : Math.min(2 * e.delay, MAX_MILLIS);
        entries.put(image, new Entry(delay, failedAt));
    }
}
