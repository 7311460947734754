package dev.podcheck.conformance.report;

import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line's worth of a trace event: which container it is about ("" for the pod) and what changed,
 * in Kubernetes words. Every event type is dispatched here and nowhere else.
 */
record Change(String container, String text) {
    static final int MESSAGE_SHOWN = 40;

    /**
     * The change {@code event} shows, given the container's status before it (null before its
     * first status); null when a status event changes nothing a reader sees.
     */
    static Change of(TraceEvent event, ContainerStatus before) {
        if (event instanceof TraceEvent.ContainerStatusChanged changed) {
            String text = statusChange(before, changed.status(), event.at());
            return text == null ? null : new Change(changed.status().name(), text);
        }
        if (event instanceof TraceEvent.PodCreated created) {
            return pod("created, qosClass " + created.qosClass());
        }
        if (event instanceof TraceEvent.PodPhaseChanged phase) {
            return pod("phase " + phase.phase() + why(phase.reason(), phase.message()));
        }
        if (event instanceof TraceEvent.PodConditionChanged changed) {
            PodCondition c = changed.condition();
            return pod(c.type() + " " + (c.status() ? "True" : "False") + why(c.reason(), c.message()));
        }
        if (event instanceof TraceEvent.ProbeResult probe) {
            return new Change(probe.container(), probe.probe() + " probe " + (probe.success() ? "succeeded" : "failed"));
        }
        if (event instanceof TraceEvent.HookStarted hook) {
            return new Change(hook.container(), hook.hook() + " hook started");
        }
        if (event instanceof TraceEvent.HookFinished hook) {
            return new Change(hook.container(), hook.hook() + " hook " + (hook.failed() ? "failed" : "finished"));
        }
        if (event instanceof TraceEvent.SignalSent signal) {
            return new Change(signal.container(), "signal " + signal.signal());
        }
        if (event instanceof TraceEvent.KubeletEvent recorded) {
            return new Change(recorded.container(), "event " + recorded.reason()
                    + (recorded.message().isEmpty() ? "" : ": " + recorded.message()));
        }
        if (event instanceof TraceEvent.DeletionRequested deletion) {
            return pod(deletion(deletion));
        }
        if (event instanceof TraceEvent.PodRemoved) {
            return pod("Removed");
        }
        if (event instanceof TraceEvent.PodEvicted evicted) {
            return pod("Evicted" + why(evicted.resource(), evicted.message()));
        }
        if (event instanceof TraceEvent.FinalizersRemoved) {
            return pod("FinalizersRemoved");
        }
        if (event instanceof TraceEvent.ConditionPatched patched) {
            return pod(patched.conditionType() + " " + patched.status() + " (patched)");
        }
        if (event instanceof TraceEvent.PodUpdated updated) {
            return pod(updated(updated));
        }
        if (event instanceof TraceEvent.UpdateRefused refused) {
            return pod("update refused: " + refused.message());
        }
        if (event instanceof TraceEvent.KubeletRestarted) {
            return pod("kubelet restarted");
        }
        if (event instanceof TraceEvent.SandboxLost) {
            return pod("sandbox lost");
        }
        if (event instanceof TraceEvent.SandboxCreated created) {
            return pod("sandbox created, attempt " + created.attempt());
        }
        throw new IllegalArgumentException("no timeline text for " + event);
    }

    /** An accepted update: each container's new image, then the deadline it set. */
    private static String updated(TraceEvent.PodUpdated updated) {
        List<String> parts = new ArrayList<>();
        updated.images().forEach((name, image) -> parts.add(name + " image " + image));
        if (updated.activeDeadlineSeconds() != null) {
            parts.add("activeDeadlineSeconds " + updated.activeDeadlineSeconds());
        }
        return "updated: " + String.join(", ", parts);
    }

    private static Change pod(String text) {
        return new Change("", text);
    }

    /** The visible differences: state, restartCount, started, ready; lastState only when nothing else moved. */
    private static String statusChange(ContainerStatus before, ContainerStatus now, long at) {
        List<String> parts = new ArrayList<>();
        String state = state(now.state(), at);
        if (before == null || !state(before.state(), at).equals(state)) {
            parts.add(state);
        }
        if (before == null ? now.restartCount() > 0 : before.restartCount() != now.restartCount()) {
            parts.add("restartCount " + now.restartCount());
        }
        if (before == null ? now.started() : before.started() != now.started()) {
            parts.add(now.started() ? "started" : "not started");
        }
        if (before == null ? now.ready() : before.ready() != now.ready()) {
            parts.add(now.ready() ? "ready" : "not ready");
        }
        if (parts.isEmpty() && before != null && !Objects.equals(before.lastState(), now.lastState())) {
            parts.add("lastState " + (now.lastState() == null ? "none" : state(now.lastState(), at)));
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** A state as one short phrase; a Running state names its start only when it is not {@code at}. */
    static String state(ContainerState state, long at) {
        if (state instanceof ContainerState.Waiting waiting) {
            return waiting.reason().isEmpty() ? "Waiting" : "Waiting " + waiting.reason();
        }
        if (state instanceof ContainerState.Running running) {
            return running.startedAt() == at ? "Running" : "Running since " + Timeline.seconds(running.startedAt());
        }
        ContainerState.Terminated terminated = (ContainerState.Terminated) state;
        return "Terminated " + terminated.exitCode()
                + (terminated.reason().isEmpty() ? "" : " " + terminated.reason())
                + (terminated.signal().isEmpty() ? "" : " by " + terminated.signal())
                + (terminated.message().isEmpty() ? "" : ", message " + quoted(terminated.message()));
    }

    /** A termination message on one line: newlines escaped, at most {@value #MESSAGE_SHOWN} characters and its size. */
    private static String quoted(String message) {
        String line = message.replace("\n", "\\n");
        return line.length() <= MESSAGE_SHOWN ? "\"" + line + "\""
                : "\"" + line.substring(0, MESSAGE_SHOWN) + "...\" (" + message.length() + " characters)";
    }

    private static String deletion(TraceEvent.DeletionRequested deletion) {
        StringBuilder text = new StringBuilder("DeletionRequested grace ")
                .append(Durations.format(Duration.ofSeconds(deletion.gracePeriodSeconds())));
        if (deletion.force()) {
            text.append(", force");
        }
        // The timestamp is shown only where it is not simply now + grace.
        if (deletion.deletionTimestamp() != Int64.plus(deletion.at(), Int64.millisOfSeconds(deletion.gracePeriodSeconds()))) {
            text.append(", deletionTimestamp ").append(Timeline.seconds(deletion.deletionTimestamp()));
        }
        return text.toString();
    }

    private static String why(String reason, String message) {
        if (reason.isEmpty() && message.isEmpty()) {
            return "";
        }
        if (message.isEmpty() || reason.isEmpty()) {
            return " (" + reason + message + ")";
        }
        return " (" + reason + ": " + message + ")";
    }
}
