package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A call of a target's run on another thread, bounded in wall time (shrinks and reruns; a run's trials are
 * bounded by {@link TrialWorkers} on their own threads): a target whose run never returns must not hold a CI
 * gate forever. Past the deadline the call is interrupted (the target's signal to give up and remove what
 * the trial made) and abandoned on its daemon thread, and the trial is inconclusive with that cause.
 */
final class TrialDeadline implements TargetCall {
    private final Duration timeout;
    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "podcheck-trial");
        // An abandoned call that ignores its interrupt must not keep the JVM alive; idle threads end after a minute.
        thread.setDaemon(true);
        return thread;
    });

    TrialDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    /** Why a trial whose call passed its deadline is inconclusive. */
    static String expired(Duration timeout) {
        return "the trial did not finish within its deadline of " + Durations.format(timeout)
                + " (--trial-deadline); it was interrupted and abandoned";
    }

    @Override
    public Trace run(Target target, Scenario defaulted, Duration horizon) throws Target.TargetException {
        Future<Trace> call = calls.submit(() -> target.run(defaulted, horizon));
        try {
            return call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new Target.TargetException(expired(timeout), e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new Target.TargetException("the run was interrupted during the trial", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Target.TargetException failed) {
                throw failed;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
