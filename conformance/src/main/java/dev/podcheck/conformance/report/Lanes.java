package dev.podcheck.conformance.report;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trace laid out for a picture: the pod's phase on one lane, then one lane per container in spec
 * order (init containers, sidecars among them, then regular containers), each with its states over
 * time, started and ready intervals, hooks, and instant marks. Every event type is sorted into a lane
 * here and nowhere else; the words come from {@link Change}, as in the text timeline.
 */
final class Lanes {
    enum Role { POD, INIT, SIDECAR, REGULAR, UNLISTED }

    /** An interval of one state; {@code tone} picks its colour (a state, phase or hook name). */
    record Span(long from, long to, String tone, String label) {}

    /** An instant: a probe failure, a signal, a kubelet event, a deletion; {@code text} reads as in the timeline. */
    record Mark(long at, String tone, String text) {}

    static final class Lane {
        final String name;
        final Role role;
        final List<Span> states = new ArrayList<>();
        final List<Span> started = new ArrayList<>();
        final List<Span> ready = new ArrayList<>();
        final List<Span> hooks = new ArrayList<>();
        final List<Mark> marks = new ArrayList<>();
        final List<Mark> witness = new ArrayList<>();
        private final Map<TraceEvent.Hook, Long> hookOpen = new LinkedHashMap<>();
        private ContainerStatus last;
        private long lastAt;

        Lane(String name, Role role) {
            this.name = name;
            this.role = role;
        }
    }

    final Lane pod = new Lane(Timeline.POD, Role.POD);
    final Map<String, Lane> containers = new LinkedHashMap<>();
    final long end;
    private String phase;
    private long phaseFrom;

    private Lanes(Pod pod, long end) {
        this.end = end;
        for (Container c : pod.spec().initContainers()) {
            containers.put(c.name(), new Lane(c.name(), c.isSidecar() ? Role.SIDECAR : Role.INIT));
        }
        for (Container c : pod.spec().containers()) {
            containers.put(c.name(), new Lane(c.name(), Role.REGULAR));
        }
    }

    /**
     * The lanes of a trace up to {@code end} (states still open at the trace's end last until then);
     * witness events are marked on their lane. A picture shorter than 1 s is drawn as 1 s.
     */
    static Lanes of(Pod pod, Trace trace, List<TraceEvent> witness, long end) {
        Lanes lanes = new Lanes(pod, Math.max(end, 1000));
        trace.events().forEach(lanes::add);
        lanes.close();
        for (TraceEvent event : witness) {
            Change change = Change.of(event, null);
            String container = change == null ? "" : change.container();
            lanes.lane(container).witness.add(new Mark(event.at(), "witness", Witness.line(event).strip()));
        }
        return lanes;
    }

    List<Lane> all() {
        List<Lane> all = new ArrayList<>();
        all.add(pod);
        all.addAll(containers.values());
        return all;
    }

    private Lane lane(String container) {
        return container.isEmpty() ? pod : containers.computeIfAbsent(container, n -> new Lane(n, Role.UNLISTED));
    }

    private void add(TraceEvent event) {
        long at = event.at();
        if (event instanceof TraceEvent.ContainerStatusChanged changed) {
            status(lane(changed.status().name()), changed.status(), at);
        } else if (event instanceof TraceEvent.PodPhaseChanged changed) {
            if (phase != null) {
                pod.states.add(new Span(phaseFrom, at, phase, phase));
            }
            phase = changed.phase().name();
            phaseFrom = at;
        } else if (event instanceof TraceEvent.ProbeResult probe) {
            if (!probe.success()) {
                mark(lane(probe.container()), event, "probe-failed");
            }
        } else if (event instanceof TraceEvent.HookStarted hook) {
            lane(hook.container()).hookOpen.put(hook.hook(), at);
        } else if (event instanceof TraceEvent.HookFinished hook) {
            Lane lane = lane(hook.container());
            Long from = lane.hookOpen.remove(hook.hook());
            lane.hooks.add(new Span(from == null ? at : from, at, hook.failed() ? "hook-failed" : "hook",
                    hook.hook() + (hook.failed() ? " hook failed" : " hook")));
        } else if (event instanceof TraceEvent.SignalSent signal) {
            mark(lane(signal.container()), event, signal.signal().name());
        } else if (event instanceof TraceEvent.KubeletEvent recorded) {
            mark(lane(recorded.container()), event, "event");
        } else if (event instanceof TraceEvent.DeletionRequested || event instanceof TraceEvent.PodRemoved
                || event instanceof TraceEvent.PodEvicted || event instanceof TraceEvent.FinalizersRemoved
                || event instanceof TraceEvent.ConditionPatched || event instanceof TraceEvent.PodUpdated
                || event instanceof TraceEvent.UpdateRefused || event instanceof TraceEvent.KubeletRestarted
                || event instanceof TraceEvent.SandboxLost || event instanceof TraceEvent.SandboxCreated) {
            mark(pod, event, "pod-event");
        }
        // PodCreated and condition changes are in the text timeline; the picture shows phase, not conditions.
    }

    private static void mark(Lane lane, TraceEvent event, String tone) {
        lane.marks.add(new Mark(event.at(), tone, Witness.line(event).strip()));
    }

    private void status(Lane lane, ContainerStatus now, long at) {
        ContainerStatus before = lane.last;
        boolean newState = before == null || !tone(before.state()).equals(tone(now.state()))
                || !label(before.state()).equals(label(now.state()));
        if (before != null && newState) {
            lane.states.add(new Span(lane.lastAt, at, tone(before.state()), label(before.state())));
        }
        if (newState) {
            lane.lastAt = at;
        }
        flag(lane.started, before != null && before.started(), now.started(), at);
        flag(lane.ready, before != null && before.ready(), now.ready(), at);
        lane.last = now;
    }

    /** Started and ready as intervals: an open interval is the last span with to == -1 until it closes. */
    private static void flag(List<Span> spans, boolean was, boolean is, long at) {
        Span open = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        boolean isOpen = open != null && open.to() < 0;
        if (!was && is && !isOpen) {
            spans.add(new Span(at, -1, "", ""));
        } else if (was && !is && isOpen) {
            spans.set(spans.size() - 1, new Span(open.from(), at, "", ""));
        }
    }

    private void close() {
        if (phase != null) {
            pod.states.add(new Span(phaseFrom, end, phase, phase));
        }
        for (Lane lane : containers.values()) {
            ContainerStatus last = lane.last;
            if (last != null) {
                lane.states.add(new Span(lane.lastAt, end, tone(last.state()), label(last.state())));
                flag(lane.started, last.started(), false, end);
                flag(lane.ready, last.ready(), false, end);
            }
            lane.hookOpen.forEach((hook, from) -> lane.hooks.add(new Span(from, end, "hook", hook + " hook")));
        }
    }

    static String tone(ContainerState state) {
        if (state instanceof ContainerState.Waiting) {
            return "waiting";
        }
        if (state instanceof ContainerState.Running) {
            return "running";
        }
        return ((ContainerState.Terminated) state).exitCode() == 0 ? "terminated-ok" : "terminated-error";
    }

    private static String label(ContainerState state) {
        return state instanceof ContainerState.Running ? "Running" : Change.state(state, 0);
    }
}
