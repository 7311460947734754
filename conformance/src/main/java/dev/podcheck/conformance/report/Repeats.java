package dev.podcheck.conformance.report;

import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds runs of repeated observations, so that a probe ticking every second for an hour, or the
 * Unhealthy event the kubelet records at each failure, reads as one line ("x3600 until ...") the way
 * {@code kubectl describe} aggregates events.
 *
 * <p>A run is a maximal sequence of the same probe result of one (container, probe kind), or of the
 * same kubelet event (container, reason, message). It ends when the result changes or when the
 * container's state or restartCount changes, so a count never spans a restart; a ready or started
 * flip, which the probe itself causes, does not end it.
 */
final class Repeats {
    /** How often the observation at a run's first index repeats, and when the run's last one is. */
    record Run(int count, long lastAt) {}

    private final Map<Integer, Run> runs;
    private final Set<Integer> folded;

    private Repeats(Map<Integer, Run> runs, Set<Integer> folded) {
        this.runs = runs;
        this.folded = folded;
    }

    static Repeats in(List<TraceEvent> events) {
        Map<Object, Open> open = new HashMap<>();
        List<Open> all = new ArrayList<>();
        Set<Integer> folded = new HashSet<>();
        Map<String, ContainerStatus> statuses = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent event = events.get(i);
            if (event instanceof TraceEvent.ContainerStatusChanged changed) {
                ContainerStatus before = statuses.put(changed.status().name(), changed.status());
                if (movedOn(before, changed.status())) {
                    open.values().removeIf(run -> run.container.equals(changed.status().name()));
                }
                continue;
            }
            Repeatable repeatable = Repeatable.of(event);
            if (repeatable == null) {
                continue;
            }
            Open run = open.get(repeatable.key());
            if (run != null && run.value.equals(repeatable.value())) {
                run.count++;
                run.lastAt = event.at();
                folded.add(i);
            } else {
                run = new Open(i, repeatable.container(), repeatable.value(), event.at());
                open.put(repeatable.key(), run);
                all.add(run);
            }
        }
        Map<Integer, Run> runs = new HashMap<>();
        all.forEach(run -> runs.put(run.first, new Run(run.count, run.lastAt)));
        return new Repeats(runs, folded);
    }

    private static boolean movedOn(ContainerStatus before, ContainerStatus now) {
        return before == null || !before.state().equals(now.state()) || before.restartCount() != now.restartCount();
    }

    /** True for the second and later observations of a run: they are told by the run's first line. */
    boolean isFolded(int index) {
        return folded.contains(index);
    }

    /** The run that starts at {@code index}, if the event there starts one. */
    Run runAt(int index) {
        return runs.get(index);
    }

    /** The observations that repeat: key names what is observed, value what was seen. */
    private record Repeatable(Object key, String container, Object value) {
        static Repeatable of(TraceEvent event) {
            if (event instanceof TraceEvent.ProbeResult probe) {
                return new Repeatable(List.of("probe", probe.container(), probe.probe()), probe.container(),
                        probe.success());
            }
            if (event instanceof TraceEvent.KubeletEvent recorded) {
                return new Repeatable(List.of("event", recorded.container(), recorded.reason(), recorded.message()),
                        recorded.container(), Boolean.TRUE);
            }
            return null;
        }
    }

    private static final class Open {
        final int first;
        final String container;
        final Object value;
        int count = 1;
        long lastAt;

        Open(int first, String container, Object value, long at) {
            this.first = first;
            this.container = container;
            this.value = value;
            this.lastAt = at;
        }
    }
}
