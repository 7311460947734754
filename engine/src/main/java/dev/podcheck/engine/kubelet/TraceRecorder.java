package dev.podcheck.engine.kubelet;

import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.podcheck.spec.trace.ConditionType;

/** Collects the trace; status-like observations are written only when they change. */
final class TraceRecorder {
    private final List<TraceEvent> events = new ArrayList<>();
    private final Map<String, ContainerStatus> statuses = new HashMap<>();
    private final Map<ConditionType, PodCondition> conditions = new EnumMap<>(ConditionType.class);
    private PodPhase phase;
    private String phaseReason = "";

    void add(TraceEvent event) {
        events.add(event);
    }

    /** Records {@code status} if it changed; true if it did. */
    boolean status(long at, ContainerStatus status) {
        if (status.equals(statuses.put(status.name(), status))) {
            return false;
        }
        events.add(new TraceEvent.ContainerStatusChanged(at, status));
        return true;
    }

    void condition(long at, PodCondition condition) {
        if (!condition.equals(conditions.put(condition.type(), condition))) {
            events.add(new TraceEvent.PodConditionChanged(at, condition));
        }
    }

    void phase(long at, PodPhase value, String reason, String message) {
        if (value != phase || !reason.equals(phaseReason)) {
            phase = value;
            phaseReason = reason;
            events.add(new TraceEvent.PodPhaseChanged(at, value, reason, message));
        }
    }

    PodPhase phase() {
        return phase;
    }

    /** Whether the status last written shows the condition True. */
    boolean conditionTrue(ConditionType type) {
        PodCondition condition = conditions.get(type);
        return condition != null && condition.status();
    }

    Map<String, ContainerStatus> statuses() {
        return statuses;
    }

    Trace trace() {
        return new Trace(events);
    }
}
