package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.List;

/**
 * Kubelet restarts and sandbox losses in a trace (SEMANTICS KR-1..KR-5, SB-1..SB-5). Each one changes what the rest of the pod's life
 * may look like (back-offs forgotten, probe state started again, init containers run again, counts from 0), so the
 * invariants written before them judge a pod's life up to the first one only, and group {@code node} judges the rest.
 */
public final class NodeDisruptions {
    /** pkg/kubelet/kubelet.go backOffPeriod: the pod worker's retry of a failed SyncPod (R-6b). */
    private static final long POD_WORKER_RETRY_MILLIS = 10_000;

    private NodeDisruptions() {}

    /** Whether the event is a kubelet restart or a sandbox loss. */
    public static boolean isDisruption(TraceEvent event) {
        return event instanceof TraceEvent.KubeletRestarted || event instanceof TraceEvent.SandboxLost;
    }

    /** The index of the first disruption in the trace, or -1. */
    static int firstIndex(Trace trace) {
        List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            if (isDisruption(events.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The trial as it was observed up to its first disruption: the events before it, with the horizon a while before
     * it, so that nothing owed near it or after it is judged. The while is how late a status may show what happened
     * before the disruption: the pod worker, busy with the longest chain of starts and then waiting out its retry,
     * writes a change after a relist (a probe kill's exit shows with the restart's start, which the disruption may cut
     * or change). The trial itself when it has none.
     */
    public static Observed beforeFirst(Observed trial) {
        return trial.index().derived(BeforeFirst.class, () -> beforeFirstOf(trial));
    }

    /** The key of the trial before its first disruption: shared by every invariant that judges it, and so is its index. */
    private record BeforeFirst() {}

    private static Observed beforeFirstOf(Observed trial) {
        int first = firstIndex(trial.trace());
        if (first < 0) {
            return trial;
        }
        List<TraceEvent> events = trial.trace().events();
        long showsLate = RestartDue.longestStartChain(trial) + RestartDue.PLEG_RELIST_MILLIS + POD_WORKER_RETRY_MILLIS
                + trial.toleranceMillis();
        long horizon = Math.max(0, Math.min(events.get(first).at(), trial.horizonMillis()) - showsLate);
        return new Observed(trial.scenario(), new Trace(events.subList(0, first), trial.trace().neighbours()), trial.observations(),
                trial.tolerance(), Duration.ofMillis(horizon), trial.release());
    }
}
