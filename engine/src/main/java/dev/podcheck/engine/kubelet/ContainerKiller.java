package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.SigtermResponse;
import dev.podcheck.spec.pod.Lifecycle;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * killContainer (kuberuntime_container.go, SEMANTICS T-7): preStop bounded by the grace, an
 * optional wait for this container's turn (sidecars, T-8), then the stop signal with at least
 * 2 s (minimumGracePeriodInSeconds) before SIGKILL.
 */
final class ContainerKiller {
    static final long MINIMUM_GRACE_SECONDS = 2;
    /**
     * A grace is valid up to Long.MAX_VALUE seconds (int64 in the API); beyond some 31,000 years it ends past
     * any horizon all the same, and bounding it here keeps every sum of its milliseconds exact.
     */
    static final long BOUNDED_GRACE_SECONDS = 1_000_000_000_000L;

    private final EventQueue queue;
    private final TraceRecorder trace;
    private final Runnable onChange;
    private final EngineOptions options;
    /** Kills waiting for their turn; each exit may be the one they wait for. */
    private final List<Waiter> waiters = new ArrayList<>();

    ContainerKiller(EventQueue queue, TraceRecorder trace, Runnable onChange, EngineOptions options) {
        this.queue = queue;
        this.trace = trace;
        this.onChange = onChange;
        this.options = options;
    }

    /**
     * Kills the running instance of {@code rec} with {@code graceSeconds}. {@code myTurn} says when
     * the stop signal may be sent (always true outside pod termination); {@code done} runs once
     * the instance has exited.
     */
    void kill(ContainerRecord rec, long graceSeconds, String message, BooleanSupplier myTurn, Runnable done) {
        kill(rec, graceSeconds, message, myTurn, true, done);
    }

    /**
     * @param publish whether the exit is written to the status at once; a probe kill that restarts in
     *                the same SyncPod is not (the status manager sees the new container next)
     */
    void kill(ContainerRecord rec, long requestedGraceSeconds, String message, BooleanSupplier myTurn, boolean publish,
              Runnable done) {
        long graceSeconds = Math.min(requestedGraceSeconds, BOUNDED_GRACE_SECONDS);
        Instance inst = rec.current;
        if (inst.killing) {
            // One stop at a time per container: a second kill (a pod stop during a probe kill, a
            // failed postStart during a pod stop) waits for it, and may only shorten it (T-6).
            inst.stopWaiters.add(done);
            shorten(rec, inst, graceSeconds);
            return;
        }
        inst.publishExit = publish;
        inst.killDone = done;
        long now = queue.now();
        // When this stop's grace runs out; a later stop is shorter only if its grace ends sooner (T-6).
        inst.killDeadline = now + graceSeconds * 1000;
        inst.killing = true;
        trace.add(new TraceEvent.KubeletEvent(now, "Killing", rec.name(), message));
        Lifecycle lifecycle = rec.spec.lifecycle();
        boolean runsPreStop = lifecycle != null && lifecycle.preStop() != null && !options.has(Fault.PRESTOP_SKIPPED);
        if (runsPreStop && graceSeconds > 0 && inst.exit == null) {
            HookBehaviour hook = inst.behaviour.preStop();
            long budget = graceSeconds * 1000;
            long elapsed = Math.min(hook.takes().toMillis(), budget);
            trace.add(new TraceEvent.HookStarted(now, rec.name(), Hook.preStop));
            boolean[] over = new boolean[1];
            // The hook execs into the container: if the process dies first, the hook fails with it.
            inst.onExitDuringPreStop = () -> {
                if (!over[0]) {
                    over[0] = true;
                    trace.add(new TraceEvent.HookFinished(queue.now(), rec.name(), Hook.preStop, true));
                    awaitTurn(rec, inst, graceSeconds - (queue.now() - now) / 1000, myTurn, done);
                }
            };
            queue.at(now + elapsed, () -> {
                if (over[0]) {
                    return;
                }
                over[0] = true;
                if (hook.takes().toMillis() <= budget) {
                    trace.add(new TraceEvent.HookFinished(queue.now(), rec.name(), Hook.preStop, hook.fails()));
                    if (hook.fails()) {
                        trace.add(new TraceEvent.KubeletEvent(queue.now(), "FailedPreStopHook", rec.name(),
                                "PreStopHook failed"));
                    }
                }
                // A preStop still running when the grace is spent is abandoned, not waited for.
                awaitTurn(rec, inst, graceSeconds - elapsed / 1000, myTurn, done);
            });
        } else {
            awaitTurn(rec, inst, graceSeconds, myTurn, done);
        }
    }

    /**
     * A shorter grace brings SIGKILL forward, never closer than 2 s to now: at once when the stop
     * signal is out, else when it is sent (calculateEffectiveGracePeriod only ever shortens, T-6).
     */
    private void shorten(ContainerRecord rec, Instance inst, long graceSeconds) {
        long graceEnd = queue.now() + graceSeconds * 1000;
        long killBy = queue.now() + Math.max(graceSeconds, MINIMUM_GRACE_SECONDS) * 1000;
        if (graceEnd >= inst.killDeadline || (inst.killBy > 0 && killBy >= inst.killBy)) {
            return; // not shorter than the stop under way: it goes on as it is
        }
        Runnable stopped = inst.onExitWhileKilled;
        if (stopped == null) {
            // preStop or the sidecar wait still runs: the shorter grace ends it, then the stop signal
            // with StopContainer's minimum of 2 s.
            inst.killBy = graceEnd + MINIMUM_GRACE_SECONDS * 1000;
            queue.at(graceEnd, () -> {
                if (inst.onExitWhileKilled == null) {
                    signal(rec, inst, MINIMUM_GRACE_SECONDS, inst.killDone);
                }
            });
            return;
        }
        inst.killBy = killBy;
        sigkillAt(rec, inst, killBy, stopped);
    }

    /** The runtime's SIGKILL when the stop timeout runs out, unless the process is gone by then. */
    private void sigkillAt(ContainerRecord rec, Instance inst, long at, Runnable stopped) {
        queue.at(at, () -> {
            if (inst.exit == null) {
                trace.add(new TraceEvent.SignalSent(queue.now(), rec.name(), Signal.SIGKILL));
            }
            exitOn(rec, inst, 137, Signal.SIGKILL, stopped);
        });
    }

    /** Waits for this container's turn, bounded by the grace; the whole seconds waited are spent. */
    private void awaitTurn(ContainerRecord rec, Instance inst, long graceSeconds, BooleanSupplier myTurn, Runnable done) {
        Waiter waiter = new Waiter(queue.now(), graceSeconds, myTurn, rest -> signal(rec, inst, rest, done));
        queue.at(waiter.since + graceSeconds * 1000, waiter::attempt);
        waiter.attempt();
        if (!waiter.signalled) {
            waiters.add(waiter);
        }
    }

    private final class Waiter {
        final long since;
        final long graceSeconds;
        final BooleanSupplier myTurn;
        final LongConsumer then;
        boolean signalled;

        Waiter(long since, long graceSeconds, BooleanSupplier myTurn, LongConsumer then) {
            this.since = since;
            this.graceSeconds = graceSeconds;
            this.myTurn = myTurn;
            this.then = then;
        }

        void attempt() {
            long waited = queue.now() - since;
            if (!signalled && (myTurn.getAsBoolean() || waited >= graceSeconds * 1000)) {
                signalled = true;
                waiters.remove(this);
                then.accept(graceSeconds - waited / 1000);
            }
        }
    }

    private void signal(ContainerRecord rec, Instance inst, long graceSeconds, Runnable done) {
        long now = queue.now();
        if (inst.onExitWhileKilled != null) {
            return; // a shorter stop already sent the signal; it ends this stop too
        }
        if (inst.exit != null) {
            finish(rec, inst, done);
            return;
        }
        // StopContainer returns as soon as the process is gone, however it went (SIGTERM, SIGKILL, by itself).
        boolean[] finished = new boolean[1];
        Runnable stopped = () -> {
            if (!finished[0]) {
                finished[0] = true;
                finish(rec, inst, done);
            }
        };
        inst.onExitWhileKilled = stopped;
        long minimum = options.has(Fault.MINIMUM_GRACE_NOT_APPLIED) ? 0 : MINIMUM_GRACE_SECONDS;
        long grace = Math.max(graceSeconds, minimum) * 1000;
        if (inst.killBy > 0) {
            grace = Math.max(Math.min(grace, inst.killBy - now), minimum * 1000);
        }
        if (options.has(Fault.SIGKILL_BEFORE_GRACE_ENDS)) {
            grace -= 1000;
        }
        trace.add(new TraceEvent.SignalSent(now, rec.name(), Signal.SIGTERM));
        if (inst.behaviour.onSigterm() instanceof SigtermResponse.ExitOnSigterm exit
                && exit.after().toMillis() < grace) {
            queue.at(now + exit.after().toMillis(), () -> exitOn(rec, inst, exit.code(), Signal.SIGTERM, stopped));
        } else {
            sigkillAt(rec, inst, now + grace, stopped);
        }
    }

    private void exitOn(ContainerRecord rec, Instance inst, int code, Signal signal, Runnable stopped) {
        if (inst.exit == null) {
            inst.exit = rec.exit(inst, code, code == 0 ? "Completed" : "Error", signal.name(), queue.now());
        }
        stopped.run();
    }

    /** StopContainer returned: the kubelet knows at once, without waiting for a relist. */
    private void finish(ContainerRecord rec, Instance inst, Runnable done) {
        if (inst.stopFinished) {
            return; // a cut-off stop already ended it
        }
        inst.stopFinished = true;
        inst.observed = true;
        if (inst.publishExit) {
            onChange.run();
        }
        done.run();
        inst.stopWaiters.forEach(Runnable::run);
        inst.stopWaiters.clear();
        new ArrayList<>(waiters).forEach(Waiter::attempt);
    }
}
