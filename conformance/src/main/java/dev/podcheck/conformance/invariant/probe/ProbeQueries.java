package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Probe questions of a trace. The kubelet keys probe results by container ID (SEMANTICS P-2), so
 * every question is asked per container instance; an instance is named by when it started, as its
 * status shows it (Running or Terminated startedAt).
 */
public final class ProbeQueries {
    private ProbeQueries() {}

    /** An event seen with the instance of its container that was current just before it in trace order. */
    public record InInstance<E extends TraceEvent>(E event, Long instanceStartedAt) {
        public boolean hasInstance() {
            return instanceStartedAt != null;
        }
    }

    /**
     * The trace walked in order, each event paired with the instance of {@code containerOf(event)}
     * that the statuses before it show: the start of the latest Running or Terminated state, or null.
     */
    /** Every event of the trial's trace with the instance of its container ({@link #containerOf}), worked out once per trial. */
    public static List<InInstance<TraceEvent>> withInstances(Observed trial) {
        return trial.index().derived(InInstance.class, () -> List.copyOf(withInstances(trial.trace(), ProbeQueries::containerOf)));
    }

    public static List<InInstance<TraceEvent>> withInstances(Trace trace, java.util.function.Function<TraceEvent, String> containerOf) {
        Map<String, Long> current = new HashMap<>();
        List<InInstance<TraceEvent>> out = new ArrayList<>();
        for (TraceEvent event : trace.events()) {
            String container = containerOf.apply(event);
            out.add(new InInstance<>(event, container == null ? null : current.get(container)));
            if (event instanceof ContainerStatusChanged changed) {
                current.put(changed.status().name(), instanceStart(changed.status().state()));
            }
        }
        return out;
    }

    /** The container a probe result, kubelet event, signal or status names; null for pod-wide events. */
    public static String containerOf(TraceEvent event) {
        if (event instanceof ProbeResult r) {
            return r.container();
        }
        if (event instanceof TraceEvent.KubeletEvent k) {
            return k.container().isEmpty() ? null : k.container();
        }
        if (event instanceof ContainerStatusChanged c) {
            return c.status().name();
        }
        if (event instanceof TraceEvent.SignalSent s) {
            return s.container();
        }
        return null;
    }

    /** When the instance a state belongs to started; null while waiting. */
    public static Long instanceStart(ContainerState state) {
        if (state instanceof ContainerState.Running running) {
            return running.startedAt();
        }
        if (state instanceof ContainerState.Terminated terminated) {
            return terminated.startedAt();
        }
        return null;
    }

    public static boolean is(TraceEvent event, String container, ProbeKind kind) {
        return event instanceof ProbeResult r && r.container().equals(container) && r.probe() == kind;
    }

    /** The results of {@code kind} for {@code container} in one instance, among the first {@code upTo} entries. */
    public static List<ProbeResult> resultsOfInstance(List<InInstance<TraceEvent>> walk, int upTo, String container,
                                                      ProbeKind kind, Long instance) {
        List<ProbeResult> out = new ArrayList<>();
        for (InInstance<TraceEvent> e : walk.subList(0, upTo)) {
            if (is(e.event(), container, kind) && java.util.Objects.equals(e.instanceStartedAt(), instance)) {
                out.add((ProbeResult) e.event());
            }
        }
        return out;
    }

    /** The last {@code n} entries of {@code list} (all of it when shorter). */
    public static <T> List<T> last(List<T> list, int n) {
        return list.subList(Math.max(0, list.size() - n), list.size());
    }

    /** Text for an instance in messages. */
    public static String describe(Long instanceStartedAt) {
        return instanceStartedAt == null ? "no running instance" : "the instance started at " + instanceStartedAt + " ms";
    }
}
