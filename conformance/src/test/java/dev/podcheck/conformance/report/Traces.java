package dev.podcheck.conformance.report;

import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/** Builds traces by hand, event by event, in the words of the trace model. Test fixture. */
public final class Traces {
    private final List<TraceEvent> events = new ArrayList<>();

    public static Traces trace() {
        return new Traces();
    }

    public Trace build() {
        return new Trace(events);
    }

    public Traces created(long at, String qosClass) {
        return add(new TraceEvent.PodCreated(at, qosClass));
    }

    public Traces phase(long at, PodPhase phase) {
        return add(new TraceEvent.PodPhaseChanged(at, phase, "", ""));
    }

    public Traces phase(long at, PodPhase phase, String reason, String message) {
        return add(new TraceEvent.PodPhaseChanged(at, phase, reason, message));
    }

    public Traces condition(long at, ConditionType type, boolean status, String reason) {
        return add(new TraceEvent.PodConditionChanged(at, status ? PodCondition.isTrue(type)
                : PodCondition.isFalse(type, reason, "")));
    }

    public Traces status(long at, String container, ContainerState state, int restarts, boolean started, boolean ready) {
        return status(at, container, state, null, restarts, started, ready);
    }

    public Traces status(long at, String container, ContainerState state, ContainerState last, int restarts,
                         boolean started, boolean ready) {
        return add(new TraceEvent.ContainerStatusChanged(at,
                new ContainerStatus(container, state, last, restarts, ready, started)));
    }

    public Traces probe(long at, String container, ProbeKind kind, boolean success) {
        return add(new TraceEvent.ProbeResult(at, container, kind, success));
    }

    /** One result every {@code periodMs} from {@code from} up to and including {@code to}. */
    public Traces probes(long from, long to, long periodMs, String container, ProbeKind kind, boolean success) {
        for (long at = from; at <= to; at += periodMs) {
            probe(at, container, kind, success);
        }
        return this;
    }

    public Traces event(long at, String reason, String container, String message) {
        return add(new TraceEvent.KubeletEvent(at, reason, container, message));
    }

    public Traces hookStarted(long at, String container, TraceEvent.Hook hook) {
        return add(new TraceEvent.HookStarted(at, container, hook));
    }

    public Traces hookFinished(long at, String container, TraceEvent.Hook hook, boolean failed) {
        return add(new TraceEvent.HookFinished(at, container, hook, failed));
    }

    public Traces signal(long at, String container, TraceEvent.Signal signal) {
        return add(new TraceEvent.SignalSent(at, container, signal));
    }

    public Traces deletion(long at, long graceSeconds, boolean force) {
        return add(new TraceEvent.DeletionRequested(at, graceSeconds, force, at + graceSeconds * 1000));
    }

    public Traces removed(long at) {
        return add(new TraceEvent.PodRemoved(at));
    }

    public Traces evicted(long at, String resource, String message) {
        return add(new TraceEvent.PodEvicted(at, resource, message));
    }

    public Traces add(TraceEvent event) {
        events.add(event);
        return this;
    }

    public static ContainerState waiting(String reason) {
        return ContainerState.waiting(reason);
    }

    public static ContainerState running(long since) {
        return new ContainerState.Running(since);
    }

    public static ContainerState exited(int code, String reason, String signal, long started, long finished) {
        return new ContainerState.Terminated(code, reason, signal, started, finished);
    }
}
