package dev.podcheck.adapters;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a real target made for a run, released exactly once: when the target is closed, or by a JVM
 * shutdown hook when the run is interrupted (Ctrl-C), whichever comes first.
 */
public final class RunRelease {
    private final AtomicBoolean released = new AtomicBoolean();
    private final Runnable release;
    private final Thread shutdownHook;

    /** Registers the shutdown hook at once: from here on, an interrupted run still releases. */
    public RunRelease(String name, Runnable release) {
        this.release = release;
        this.shutdownHook = new Thread(this::releaseOnce, name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public boolean released() {
        return released.get();
    }

    /** What runs on Ctrl-C (registered with the JVM until {@link #close}). */
    public Thread shutdownHook() {
        return shutdownHook;
    }

    /** Releases (once) and unregisters the hook. */
    public void close() {
        releaseOnce();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running or has run.
        }
    }

    private void releaseOnce() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
