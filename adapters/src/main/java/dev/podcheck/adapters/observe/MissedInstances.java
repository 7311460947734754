package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Container instances that lived and died between two snapshots: a watch may skip status writes
 * (a relist after a dropped watch shows only the latest), so restartCount can jump by more than
 * one. Each skipped instance whose report has a start and an exit line gets the status the
 * kubelet would have written when it exited: Terminated with the reported code (reason
 * Completed or Error, as the runtime says), not ready, not started, the instance before it as
 * last state. An instance without those lines gets nothing: the later snapshot is then the one
 * status that shows the jump.
 */
final class MissedInstances {
    private MissedInstances() {}

    static List<Placement.Inferred<Step>> of(List<Sighting> sorted, Reports reports, PodClock clock) {
        List<Placement.Inferred<Step>> inferred = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        Map<String, Integer> seenAt = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (!(sorted.get(i) instanceof Sighting.PodSeen seen)) {
                continue;
            }
            for (ContainerStatus status : Snapshots.statuses(seen.pod())) {
                Integer before = counts.put(status.name(), status.restartCount());
                if (before != null) {
                    for (int n = before + 1; n < status.restartCount(); n++) {
                        reconstruct(status.name(), n, reports, clock, seenAt.get(status.name()), inferred);
                    }
                }
                seenAt.put(status.name(), i);
            }
        }
        return inferred;
    }

    private static void reconstruct(String container, int instance, Reports reports, PodClock clock, int after,
                                    List<Placement.Inferred<Step>> out) {
        ContainerState.Terminated exit = exit(reports.instance(container, instance), clock);
        if (exit == null) {
            return;
        }
        ContainerStatus status = new ContainerStatus(container, exit,
                exit(reports.instance(container, instance - 1), clock), instance, false, false);
        long at = clock.toEpoch(exit.finishedAt());
        out.add(new Placement.Inferred<>(at, after,
                new Step.Inferred(at, time -> new TraceEvent.ContainerStatusChanged(time, status))));
    }

    /** The termination an instance's start and exit lines tell, in trace time, or null. */
    private static ContainerState.Terminated exit(Reports.Instance lines, PodClock clock) {
        if (lines == null || lines.start == null || lines.exit == null || lines.exitCode == null) {
            return null;
        }
        int code = lines.exitCode;
        return new ContainerState.Terminated(code, code == 0 ? "Completed" : "Error",
                lines.exitBySigterm ? Signal.SIGTERM.name() : "",
                clock.toTrace(lines.start.epochMillis()), clock.toTrace(lines.exit.epochMillis()));
    }
}
