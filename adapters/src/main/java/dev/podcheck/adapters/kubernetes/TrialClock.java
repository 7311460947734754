package dev.podcheck.adapters.kubernetes;

/**
 * The wall clock a trial reads and waits on. A real cluster runs in real time; the end-to-end
 * tests, where the engine plays the kubelet, run the same code on a faster clock.
 */
interface TrialClock {
    /** The system clock. */
    TrialClock SYSTEM = new TrialClock() {
        @Override
        public long now() {
            return System.currentTimeMillis();
        }

        @Override
        public void waitOn(Object monitor, long until) throws InterruptedException {
            long left = until - now();
            if (left > 0) {
                monitor.wait(left);
            }
        }
    };

    /** Milliseconds since the epoch. */
    long now();

    /**
     * Waits on {@code monitor}, which the caller holds, until this clock reads {@code until} or the
     * monitor is notified; may return early, so callers wait in a loop.
     */
    void waitOn(Object monitor, long until) throws InterruptedException;
}
