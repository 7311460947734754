package dev.podcheck.adapters.render;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition that a running script makes true, checking every few milliseconds. */
final class Poll {
    private static final Duration INTERVAL = Duration.ofMillis(10);

    private Poll() {}

    /**
     * Returns once {@code condition} holds; fails naming {@code what} if it has not within {@code limit}.
     * Checked at once and then on this thread, so a test that times the condition sees it when it turns.
     */
    static void until(Duration limit, String what, Callable<Boolean> condition) {
        await(what).atMost(limit).pollDelay(Duration.ZERO).pollInterval(INTERVAL).pollInSameThread().until(condition);
    }
}
