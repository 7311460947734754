package dev.podcheck.conformance.invariant.trace;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What any trace of any target must satisfy to be a trace at all (SEMANTICS INV-3, INV-8, INV-25):
 * time never goes back, restartCount never decreases (but an init container's after a lost sandbox, SB-5), a terminal phase is final, and every spec
 * container, and no other, has a status. Written from the rules, never from the engine.
 */
public final class WellFormedTrace {
    private WellFormedTrace() {}

    /** Every way the trace is malformed, each naming the event that shows it; empty when well formed. */
    public static List<String> problems(PodSpec spec, Trace trace, long horizonMillis) {
        List<String> out = new ArrayList<>();
        List<TraceEvent> events = trace.events();
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).at() < events.get(i - 1).at()) {
                out.add("time goes back at " + events.get(i));
            }
        }
        if (trace.end() > horizonMillis) {
            out.add("the trace runs past its horizon of " + horizonMillis + " ms: " + events.get(events.size() - 1));
        }
        restartCounts(spec, trace, out);
        terminalIsFinal(trace, out);
        statusesCoverTheSpec(spec, trace, out);
        return out;
    }

    /**
     * restartCount never goes down, except for an init container in a sandbox created again: the kubelet purged it with
     * its logs, so a run a later SyncPod starts counts from 0 again (SEMANTICS SB-5).
     */
    private static void restartCounts(PodSpec spec, Trace trace, List<String> out) {
        Set<String> inits = spec.initContainers().stream().map(Container::name).collect(Collectors.toSet());
        Map<String, Integer> last = new HashMap<>();
        Set<String> purged = new java.util.HashSet<>();
        for (TraceEvent event : trace.events()) {
            if (event instanceof TraceEvent.SandboxCreated) {
                purged.addAll(inits); // the API keeps the old count until the next run shows
            } else if (event instanceof TraceEvent.ContainerStatusChanged e) {
                // the first count of the next run may be lower, once per init container and sandbox
                ContainerStatus s = e.status();
                Integer before = last.put(s.name(), s.restartCount());
                boolean down = before != null && s.restartCount() < before;
                if (down && !purged.remove(s.name())) {
                    out.add("restartCount of " + s.name() + " goes down from " + before + " at " + e);
                }
            }
        }
    }

    private static void terminalIsFinal(Trace trace, List<String> out) {
        PodPhase terminal = null;
        for (TraceEvent.PodPhaseChanged e : trace.all(TraceEvent.PodPhaseChanged.class).toList()) {
            if (terminal != null && e.phase() != terminal) {
                out.add("the pod leaves terminal phase " + terminal + " at " + e);
            }
            if (e.phase().isTerminal() && terminal == null) {
                terminal = e.phase();
            }
        }
    }

    private static void statusesCoverTheSpec(PodSpec spec, Trace trace, List<String> out) {
        Set<String> expected = spec.allContainers().map(Container::name).collect(Collectors.toSet());
        Set<String> seen = trace.all(TraceEvent.ContainerStatusChanged.class).map(e -> e.status().name())
                .collect(Collectors.toSet());
        boolean admitted = trace.all(TraceEvent.ContainerStatusChanged.class).findAny().isPresent();
        for (String name : expected) {
            if (admitted && !seen.contains(name)) {
                out.add("no status for container " + name);
            }
        }
        for (String name : seen) {
            if (!expected.contains(name)) {
                out.add("a status for " + name + ", which is not in the spec");
            }
        }
    }
}
