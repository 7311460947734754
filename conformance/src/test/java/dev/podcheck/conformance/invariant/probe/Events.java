package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;

/** Test fixture: hand-built trace events for the invariant tests of these groups. */
public final class Events {
    private Events() {}

    public static Trace trace(TraceEvent... events) {
        return new Trace(List.of(events));
    }

    public static TraceEvent.ContainerStatusChanged running(long at, String name, boolean ready, boolean started) {
        return new TraceEvent.ContainerStatusChanged(at,
                new ContainerStatus(name, new ContainerState.Running(at), null, 0, ready, started));
    }

    /** A later status of the instance started at {@code startedAt}, started, with its readiness. */
    public static TraceEvent.ContainerStatusChanged ready(long at, String name, long startedAt, boolean ready) {
        return new TraceEvent.ContainerStatusChanged(at,
                new ContainerStatus(name, new ContainerState.Running(startedAt), null, 0, ready, true));
    }

    public static TraceEvent.ContainerStatusChanged exited(long at, String name, long startedAt, int code, boolean ready) {
        return new TraceEvent.ContainerStatusChanged(at, new ContainerStatus(name,
                new ContainerState.Terminated(code, code == 0 ? "Completed" : "Error", "", startedAt, at), null, 0,
                ready, false));
    }

    public static TraceEvent.ProbeResult probe(long at, String name, ProbeKind kind, boolean success) {
        return new TraceEvent.ProbeResult(at, name, kind, success);
    }

    public static TraceEvent.KubeletEvent killing(long at, String name, String message) {
        return new TraceEvent.KubeletEvent(at, "Killing", name, message);
    }

    public static TraceEvent.SignalSent signal(long at, String name, TraceEvent.Signal signal) {
        return new TraceEvent.SignalSent(at, name, signal);
    }
}
