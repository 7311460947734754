package dev.podcheck.conformance.differential;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.function.LongUnaryOperator;

/**
 * Test fixture: one trace event moved to another time, the times it carries (a container's
 * startedAt and finishedAt, a deletionTimestamp) mapped by a function of their own. The one place
 * test fixtures rebuild events, so a new event type is added here only.
 */
final class Retimed {
    private Retimed() {}

    static TraceEvent event(TraceEvent e, long at, LongUnaryOperator times) {
        return event(e, at, times, times);
    }

    /** The same, with a container's startedAt and finishedAt mapped each by its own function. */
    static TraceEvent event(TraceEvent e, long at, LongUnaryOperator times, LongUnaryOperator finished) {
        if (e instanceof TraceEvent.ContainerStatusChanged c) {
            ContainerStatus s = c.status();
            return new TraceEvent.ContainerStatusChanged(at, new ContainerStatus(s.name(),
                    state(s.state(), times, finished), state(s.lastState(), times, finished), s.restartCount(),
                    s.ready(), s.started()));
        }
        if (e instanceof TraceEvent.DeletionRequested d) {
            return new TraceEvent.DeletionRequested(at, d.gracePeriodSeconds(), d.force(),
                    times.applyAsLong(d.deletionTimestamp()));
        }
        if (e instanceof TraceEvent.PodPhaseChanged p) {
            return new TraceEvent.PodPhaseChanged(at, p.phase(), p.reason(), p.message());
        }
        if (e instanceof TraceEvent.PodConditionChanged c) {
            return new TraceEvent.PodConditionChanged(at, c.condition());
        }
        if (e instanceof TraceEvent.ProbeResult r) {
            return new TraceEvent.ProbeResult(at, r.container(), r.probe(), r.success());
        }
        if (e instanceof TraceEvent.HookStarted h) {
            return new TraceEvent.HookStarted(at, h.container(), h.hook());
        }
        if (e instanceof TraceEvent.HookFinished h) {
            return new TraceEvent.HookFinished(at, h.container(), h.hook(), h.failed());
        }
        if (e instanceof TraceEvent.SignalSent s) {
            return new TraceEvent.SignalSent(at, s.container(), s.signal());
        }
        if (e instanceof TraceEvent.KubeletEvent k) {
            return new TraceEvent.KubeletEvent(at, k.reason(), k.container(), k.message());
        }
        if (e instanceof TraceEvent.PodRemoved) {
            return new TraceEvent.PodRemoved(at);
        }
        if (e instanceof TraceEvent.PodEvicted v) {
            return new TraceEvent.PodEvicted(at, v.resource(), v.message());
        }
        if (e instanceof TraceEvent.PodCreated p) {
            return new TraceEvent.PodCreated(at, p.qosClass());
        }
        if (e instanceof TraceEvent.FinalizersRemoved) {
            return new TraceEvent.FinalizersRemoved(at);
        }
        if (e instanceof TraceEvent.ConditionPatched p) {
            return new TraceEvent.ConditionPatched(at, p.conditionType(), p.status());
        }
        if (e instanceof TraceEvent.PodUpdated u) {
            return new TraceEvent.PodUpdated(at, u.images(), u.activeDeadlineSeconds());
        }
        if (e instanceof TraceEvent.UpdateRefused r) {
            return new TraceEvent.UpdateRefused(at, r.message());
        }
        throw new IllegalArgumentException("an event type Retimed does not know: " + e);
    }

    /** The container an event is about, or null for a pod-level event. */
    static String container(TraceEvent e) {
        if (e instanceof TraceEvent.ContainerStatusChanged c) {
            return c.status().name();
        }
        if (e instanceof TraceEvent.ProbeResult r) {
            return r.container();
        }
        if (e instanceof TraceEvent.HookStarted h) {
            return h.container();
        }
        if (e instanceof TraceEvent.HookFinished h) {
            return h.container();
        }
        if (e instanceof TraceEvent.SignalSent s) {
            return s.container();
        }
        if (e instanceof TraceEvent.KubeletEvent k && !k.container().isEmpty()) {
            return k.container();
        }
        return null;
    }

    private static ContainerState state(ContainerState state, LongUnaryOperator started,
                                        LongUnaryOperator finished) {
        if (state instanceof ContainerState.Running r) {
            return new ContainerState.Running(started.applyAsLong(r.startedAt()));
        }
        if (state instanceof ContainerState.Terminated t) {
            return new ContainerState.Terminated(t.exitCode(), t.reason(), t.signal(),
                    started.applyAsLong(t.startedAt()), finished.applyAsLong(t.finishedAt()), t.message());
        }
        return state;
    }
}
