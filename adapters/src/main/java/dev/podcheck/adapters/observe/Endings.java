package dev.podcheck.adapters.observe;

import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How container instances ended, and what that implies although nobody reported it. Worked out
 * before the trace is written, because what it implies happened before the status that shows it.
 *
 * <p>A SIGKILL: an instance that got SIGTERM (its report says so), wrote no exit line (a killed
 * process writes nothing) and ends Terminated with exit code 137, not OOMKilled, was killed by the
 * runtime when the stop's grace ran out (kuberuntime_container.go killContainer: StopContainer
 * with the grace as timeout). The grace is whole seconds from the stop signal, so the kill is the
 * moment a whole number of seconds after the SIGTERM line that falls in the second the API shows
 * as finishedAt (and no later than the status that shows it). A stop shortened by a later
 * DELETE counts from that DELETE instead; in a real cluster the kill can then be off by the part
 * of a second between the two.
 *
 * <p>A hook that died with its container: the hook runs in the container (exec), so when the
 * process ends under a running hook the hook ends with it, failed, and can write no end line. A
 * hook with a start line and no end line ended so when its instance exited before any SIGTERM
 * reached it; a SIGTERM first means the kubelet had stopped waiting for the hook (a preStop past
 * its grace), and the kubelet then records no end.
 */
final class Endings {
    private record Key(String container, int instance) {}

    private final Map<Key, Long> kills = new HashMap<>();
    /** Instances whose end the API showed and was dealt with (a status repeats it in every later snapshot). */
    private final Set<Key> shown = new HashSet<>();
    private final List<Placement.Inferred<Step>> inferred = new ArrayList<>();

    static Endings of(List<Sighting> sorted, Reports reports) {
        Endings endings = new Endings();
        endings.endsReported(reports);
        endings.endsShownByTheApi(sorted, reports);
        return endings;
    }

    /** When the runtime killed this instance (ms since the epoch), or null when it was not killed. */
    Long killedAt(String container, int instance) {
        return kills.get(new Key(container, instance));
    }

    /** The inferred events, to be placed among the sightings. */
    List<Placement.Inferred<Step>> inferred() {
        return inferred;
    }

    private void endsReported(Reports reports) {
        reports.forEachInstance((container, instance, lines) -> {
            if (lines.exit != null) {
                hooksDiedAt(container, lines, lines.exit.epochMillis(), lines.exit.index());
            }
        });
    }

    private void endsShownByTheApi(List<Sighting> sorted, Reports reports) {
        for (int i = 0; i < sorted.size(); i++) {
            if (sorted.get(i) instanceof Sighting.PodSeen seen) {
                for (ContainerStatus status : Snapshots.statuses(seen.pod())) {
                    ended(reports, status.name(), status.state(), i, seen.epochMillis(), status.restartCount());
                    ended(reports, status.name(), status.lastState(), i, seen.epochMillis(),
                            Snapshots.lastStateInstances(status));
                }
            }
        }
    }

    /** A termination the API shows, first seen at sighting {@code seenIndex}: a kill or an unreported end. */
    private void ended(Reports reports, String container, ContainerState state, int seenIndex, long seenAt,
                       int... candidates) {
        if (!(state instanceof ContainerState.Terminated t) || t.finishedAt() == 0
                || t.reason().equals(Snapshots.STATUS_UNKNOWN)) {
            return;
        }
        int instance = reports.instanceEnded(container, t.startedAt(), t.finishedAt(), candidates);
        Reports.Instance lines = instance < 0 ? null : reports.instance(container, instance);
        Key key = new Key(container, instance);
        if (lines == null || lines.exit != null || !shown.add(key)) {
            return; // an unknown instance, an end its exit line tells, or one dealt with
        }
        if (t.exitCode() == 137 && !t.reason().equals(Snapshots.OOM_KILLED) && !lines.sigterms.isEmpty()) {
            Reports.Line sigterm = lines.sigterms.get(0);
            long at = killMoment(sigterm.epochMillis(), t.finishedAt(), seenAt);
            kills.put(key, at);
            inferred.add(new Placement.Inferred<>(at, sigterm.index(),
                    new Step.Inferred(at, time -> new TraceEvent.SignalSent(time, container, Signal.SIGKILL))));
        } else {
            hooksDiedAt(container, lines, Reports.unreportedEnd(lines, t.finishedAt()), seenIndex);
        }
    }

    /** The whole seconds after the SIGTERM that fall in the API's second, bounded by the status that shows it. */
    private static long killMoment(long sigtermAt, long apiFinishedAt, long seenAt) {
        long seconds = Math.max(0, Math.floorDiv(apiFinishedAt - sigtermAt + 999, 1000));
        return Math.max(sigtermAt, Math.min(Int64.plus(sigtermAt, Int64.millisOfSeconds(seconds)), seenAt));
    }

    /** The hooks of an instance that ended at {@code endAt} under them (see the class comment). */
    private void hooksDiedAt(String container, Reports.Instance lines, long endAt, int endIndex) {
        for (Map.Entry<Hook, Reports.Line> started : lines.hookStarts.entrySet()) {
            Hook hook = started.getKey();
            Reports.Line start = started.getValue();
            if (lines.hookEnds.containsKey(hook) || start.index() > endIndex
                    || lines.sigtermBetween(start.index(), endIndex)) {
                continue;
            }
            long at = Math.max(endAt, start.epochMillis());
            int after = Math.max(start.index(), lines.exit != null ? lines.exit.index() : -1);
            inferred.add(new Placement.Inferred<>(at, after,
                    new Step.Inferred(at, time -> new TraceEvent.HookFinished(time, container, hook, true))));
        }
    }
}
