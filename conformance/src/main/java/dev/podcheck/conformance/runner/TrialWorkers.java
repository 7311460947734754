package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Runs a run's trials on a few threads, each taking the next until none is left, and bounds each call of the
 * target in wall time while it runs on the trial's own thread: handing every call to another thread, and
 * waiting for it, cost more wall time than the engine's whole run on a loaded machine. A watch looks at the
 * calls under way; one past its deadline is interrupted (the target's signal to give up and remove what the
 * trial made) and abandoned with its thread: its trial is settled as inconclusive and a new thread takes the
 * abandoned one's place, so a call that never returns holds neither the run nor its other trials. The
 * threads are daemons: an abandoned call deaf to its interrupt does not keep the JVM alive.
 */
final class TrialWorkers {
    /** One trial by its number, its target call bounded by {@code call}; null when it was not run (the budget). */
    interface Job {
        TrialOutcome run(int index, TargetCall call);
    }

    private final int parallelism;
    private final Duration timeout;

    TrialWorkers(int parallelism, Duration timeout) {
        this.parallelism = parallelism;
        this.timeout = timeout;
    }

    /**
     * Runs trials 0..total-1, hands each outcome to {@code settled} as it finishes (an abandoned trial's
     * from {@code abandoned}), and returns when every trial is settled.
     */
    void runAll(int total, Job job, IntFunction<TrialOutcome> abandoned, Consumer<TrialOutcome> settled)
            throws InterruptedException {
        Run run = new Run(total, job, abandoned, settled);
        long period = Math.max(1, Math.min(100, timeout.toMillis() / 10));
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(daemon("podcheck-trial-deadline"));
        try {
            for (int w = 0; w < parallelism; w++) {
                run.threads.execute(run::work);
            }
            watch.scheduleWithFixedDelay(run::expire, period, period, TimeUnit.MILLISECONDS);
            run.left.await();
        } finally {
            watch.shutdownNow();
            run.threads.shutdownNow();
        }
        if (run.failure.get() != null) {
            throw new IllegalStateException("a trial failed inside podcheck: " + run.failure.get(), run.failure.get());
        }
    }

    /** One runAll: the next trial to take, the calls under way, and what is left to settle. */
    private final class Run {
        final int total;
        final Job job;
        final IntFunction<TrialOutcome> abandoned;
        final Consumer<TrialOutcome> settled;
        final AtomicInteger next = new AtomicInteger();
        final CountDownLatch left;
        final Set<Watched> underWay = ConcurrentHashMap.newKeySet();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final ExecutorService threads = Executors.newCachedThreadPool(daemon("podcheck-trial"));

        Run(int total, Job job, IntFunction<TrialOutcome> abandoned, Consumer<TrialOutcome> settled) {
            this.total = total;
            this.job = job;
            this.abandoned = abandoned;
            this.settled = settled;
            this.left = new CountDownLatch(total);
        }

        void work() {
            try {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    Watched call = new Watched(i, Thread.currentThread());
                    TrialOutcome outcome = job.run(i, call);
                    if (call.abandoned.get()) {
                        return; // settled by the watch, and this thread's place taken
                    }
                    if (outcome != null) {
                        settled.accept(outcome);
                    }
                    left.countDown();
                }
            } catch (RuntimeException | Error e) {
                // a bug of podcheck's own or a JVM error (out of memory) ends the run
                failure.compareAndSet(null, e);
                while (left.getCount() > 0) {
                    left.countDown();
                }
            }
        }

        void expire() {
            long now = System.nanoTime();
            for (Watched call : underWay) {
                if (now - call.until > 0 && call.abandoned.compareAndSet(false, true)) {
                    underWay.remove(call);
                    call.thread.interrupt();
                    settled.accept(abandoned.apply(call.index));
                    left.countDown();
                    threads.execute(this::work);
                }
            }
        }

        /** One trial's call of the target, watched while it runs. */
        final class Watched implements TargetCall {
            final int index;
            final Thread thread;
            final AtomicBoolean abandoned = new AtomicBoolean();
            volatile long until;

            Watched(int index, Thread thread) {
                this.index = index;
                this.thread = thread;
            }

            @Override
            public Trace run(Target target, Scenario defaulted, Duration horizon) throws Target.TargetException {
                until = System.nanoTime() + timeout.toNanos();
                underWay.add(this);
                try {
                    return target.run(defaulted, horizon);
                } finally {
                    underWay.remove(this);
                    if (abandoned.get()) {
                        Thread.interrupted(); // the watch's interrupt is spent: this thread ends with the trial
                    }
                }
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
