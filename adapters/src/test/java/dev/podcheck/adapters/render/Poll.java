package dev.podcheck.adapters.render;

import java.time.Duration;

/** Waits for a condition that a running script makes true, checking every few milliseconds. */
final class Poll {
    private static final long INTERVAL_MILLIS = 10;

    private Poll() {}

    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Returns once {@code condition} holds; fails naming {@code what} if it has not within {@code limit}. */
    static void until(Duration limit, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            Thread.sleep(INTERVAL_MILLIS);
        }
    }
}
