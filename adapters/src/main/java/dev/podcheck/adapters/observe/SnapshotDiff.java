package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed from one pod snapshot to the next, as trace events in the order the engine's
 * status write records them (kubelet TraceRecorder via PodWorker.publish): container statuses
 * in the snapshot's order (init containers, then regular ones), then the phase, then the
 * conditions in {@link ConditionType} order. As there, a phase counts as changed when the phase
 * or its reason changes, a status or condition when any field does.
 */
final class SnapshotDiff {
    private final StatusReader reader;
    private final Map<String, ContainerStatus> statuses = new HashMap<>();
    private final Map<ConditionType, PodCondition> conditions = new EnumMap<>(ConditionType.class);
    private PodPhase phase;
    private String phaseReason = "";

    SnapshotDiff(StatusReader reader) {
        this.reader = reader;
    }

    void changes(long at, Sighting.PodSnapshot pod, List<TraceEvent> out) {
        for (ContainerStatus api : Snapshots.statuses(pod)) {
            ContainerStatus status = reader.read(api);
            if (!status.equals(statuses.put(status.name(), status))) {
                out.add(new TraceEvent.ContainerStatusChanged(at, status));
            }
        }
        if (pod.phase() != null && (pod.phase() != phase || !pod.reason().equals(phaseReason))) {
            phase = pod.phase();
            phaseReason = pod.reason();
            out.add(new TraceEvent.PodPhaseChanged(at, phase, phaseReason, pod.message()));
        }
        Map<ConditionType, PodCondition> shown = new EnumMap<>(ConditionType.class);
        pod.conditions().forEach(c -> shown.put(c.type(), c));
        shown.values().forEach(c -> {
            if (!c.equals(conditions.put(c.type(), c))) {
                out.add(new TraceEvent.PodConditionChanged(at, c));
            }
        });
    }
}
