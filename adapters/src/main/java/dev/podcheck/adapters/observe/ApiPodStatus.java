package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod status the API holds, accumulated from an engine trace's status events, in the API's
 * form: times cut to the wall-clock second, no signal (the kubelet never fills
 * ContainerStateTerminated.signal), no times on ContainerStatusUnknown (status_manager.go
 * TerminatePod sets none).
 */
final class ApiPodStatus {
    private final PodClock clock;
    private final List<String> initContainers;
    private final List<String> containers;
    private final Map<String, ContainerStatus> statuses = new HashMap<>();
    private final Map<ConditionType, PodCondition> conditions = new EnumMap<>(ConditionType.class);
    private PodPhase phase;
    private String reason = "";
    private String message = "";

    /** @param initContainers and {@code containers}: names in spec order, the order of statuses in a write */
    ApiPodStatus(PodClock clock, List<String> initContainers, List<String> containers) {
        this.clock = clock;
        this.initContainers = List.copyOf(initContainers);
        this.containers = List.copyOf(containers);
    }

    static boolean isStatus(TraceEvent e) {
        return e instanceof TraceEvent.ContainerStatusChanged || e instanceof TraceEvent.PodPhaseChanged
                || e instanceof TraceEvent.PodConditionChanged;
    }

    /**
     * Where a status event stands in one status write: container statuses (init containers, then
     * regular ones), the phase, the conditions by type. A later event of no higher rank starts a
     * new write.
     */
    int rank(TraceEvent e) {
        int n = initContainers.size() + containers.size();
        if (e instanceof TraceEvent.ContainerStatusChanged s) {
            int init = initContainers.indexOf(s.status().name());
            return init >= 0 ? init : initContainers.size() + containers.indexOf(s.status().name());
        }
        if (e instanceof TraceEvent.PodConditionChanged c) {
            return n + 1 + c.condition().type().ordinal();
        }
        return n;
    }

    void accept(TraceEvent e) {
        if (e instanceof TraceEvent.ContainerStatusChanged s) {
            statuses.put(s.status().name(), s.status());
        } else if (e instanceof TraceEvent.PodPhaseChanged p) {
            phase = p.phase();
            reason = p.reason();
            message = p.message();
        } else if (e instanceof TraceEvent.PodConditionChanged c) {
            conditions.put(c.condition().type(), c.condition());
        }
    }

    Sighting.PodSnapshot snapshot(String qosClass, Long deletionTimestampMillis) {
        return new Sighting.PodSnapshot(phase, reason, message, List.copyOf(conditions.values()),
                shown(initContainers), shown(containers), qosClass, deletionTimestampMillis);
    }

    private List<ContainerStatus> shown(List<String> names) {
        return names.stream().filter(statuses::containsKey).map(name -> api(statuses.get(name))).toList();
    }

    private ContainerStatus api(ContainerStatus s) {
        return new ContainerStatus(s.name(), api(s.state()), s.lastState() == null ? null : api(s.lastState()),
                s.restartCount(), s.ready(), s.started());
    }

    private ContainerState api(ContainerState state) {
        if (state instanceof ContainerState.Running r) {
            return new ContainerState.Running(clock.apiSecond(r.startedAt()));
        }
        if (state instanceof ContainerState.Terminated t) {
            boolean unknown = t.reason().equals(Snapshots.STATUS_UNKNOWN);
            return new ContainerState.Terminated(t.exitCode(), t.reason(), "",
                    unknown ? 0 : clock.apiSecond(t.startedAt()), unknown ? 0 : clock.apiSecond(t.finishedAt()));
        }
        return state;
    }
}
