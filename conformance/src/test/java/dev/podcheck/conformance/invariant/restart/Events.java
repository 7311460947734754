package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;

/**
 * Test fixture: trace events for hand-built traces, in Kubernetes words. It lives here because
 * the invariant tests of init, sidecar, restart and phase share it and may only be edited in their
 * own packages; its home is next to {@code Trials}.
 */
public final class Events {
    private Events() {}

    public static Trace trace(TraceEvent... events) {
        return new Trace(List.of(events));
    }

    public static ContainerStatusChanged running(long at, String name, int restartCount) {
        return running(at, name, at, restartCount);
    }

    public static ContainerStatusChanged running(long at, String name, long startedAt, int restartCount) {
        return new ContainerStatusChanged(at, new ContainerStatus(name, new ContainerState.Running(startedAt), null,
                restartCount, true, true));
    }

    public static ContainerStatusChanged exited(long at, String name, int code, long startedAt, int restartCount) {
        return new ContainerStatusChanged(at, new ContainerStatus(name, terminated(code, startedAt, at), null,
                restartCount, false, false));
    }

    public static ContainerStatusChanged crashLoop(long at, String name, ContainerState lastState, int restartCount) {
        return new ContainerStatusChanged(at, new ContainerStatus(name,
                new ContainerState.Waiting("CrashLoopBackOff", "back-off"), lastState, restartCount, false, false));
    }

    public static ContainerStatusChanged waiting(long at, String name, String reason) {
        return new ContainerStatusChanged(at, new ContainerStatus(name, ContainerState.waiting(reason), null, 0, false,
                false));
    }

    public static ContainerState.Terminated terminated(int code, long startedAt, long finishedAt) {
        return new ContainerState.Terminated(code, code == 0 ? "Completed" : "Error", "", startedAt, finishedAt);
    }

    public static TraceEvent.PodPhaseChanged phase(long at, PodPhase phase) {
        return phase(at, phase, "");
    }

    public static TraceEvent.PodPhaseChanged phase(long at, PodPhase phase, String reason) {
        return new TraceEvent.PodPhaseChanged(at, phase, reason, "");
    }

    public static TraceEvent.PodConditionChanged condition(long at, ConditionType type, boolean status) {
        return new TraceEvent.PodConditionChanged(at, new PodCondition(type, status, "", ""));
    }

    public static TraceEvent.SignalSent sigterm(long at, String name) {
        return new TraceEvent.SignalSent(at, name, TraceEvent.Signal.SIGTERM);
    }

    public static TraceEvent.KubeletEvent killing(long at, String name, String message) {
        return new TraceEvent.KubeletEvent(at, "Killing", name, message);
    }

    public static TraceEvent.DeletionRequested deletion(long at, long graceSeconds) {
        return new TraceEvent.DeletionRequested(at, graceSeconds, false, at + graceSeconds * 1000);
    }
}
