package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodReadinessGate;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * status/containers-ready (SEMANTICS ST-13, ST-14, INV-11). The kubelet writes statuses and
 * conditions in one status update, so the state is judged at the end of each instant, not between
 * the events of one instant.
 */
public final class ContainersReady implements Invariant {
    static final String MESSAGE = "at %d ms %s is True although %s";

    @Override
    public String id() {
        return "status/containers-ready";
    }

    @Override
    public String must() {
        return "Pod Ready MUST be True only while ContainersReady and every readiness gate are True, and "
                + "ContainersReady MUST be True only while every regular container and sidecar is ready.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/generate.go GeneratePodReadyCondition, GenerateContainersReadyCondition; "
                + "SEMANTICS ST-13, ST-14, INV-11";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONDITIONS, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        Map<String, ContainerStatusChanged> statuses = new HashMap<>();
        Map<ConditionType, PodConditionChanged> conditions = new HashMap<>();
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof ContainerStatusChanged s) {
                statuses.put(s.status().name(), s);
            } else if (e instanceof PodConditionChanged c) {
                conditions.put(c.condition().type(), c);
            }
            boolean endOfInstant = i + 1 == events.size() || events.get(i + 1).at() != e.at();
            if (endOfInstant) {
                Verdict v = judge(spec, e.at(), statuses, conditions);
                if (v != Verdict.HOLDS) {
                    return v;
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict judge(PodSpec spec, long at, Map<String, ContainerStatusChanged> statuses,
                                 Map<ConditionType, PodConditionChanged> conditions) {
        PodConditionChanged ready = conditions.get(ConditionType.Ready);
        if (isTrue(ready)) {
            PodConditionChanged containersReady = conditions.get(ConditionType.ContainersReady);
            if (!isTrue(containersReady)) {
                return violated(at, "Ready", "ContainersReady is not True", ready, containersReady);
            }
            for (PodReadinessGate gate : spec.readinessGates()) {
                // a gate condition the kubelet does not own is absent from the trace, which means not True (ST-14)
                PodConditionChanged gateCondition = gateCondition(conditions, gate.conditionType());
                if (!isTrue(gateCondition)) {
                    return violated(at, "Ready", "readiness gate " + gate.conditionType() + " is not True", ready,
                            gateCondition);
                }
            }
        }
        PodConditionChanged containersReady = conditions.get(ConditionType.ContainersReady);
        if (isTrue(containersReady)) {
            List<Container> counted = new ArrayList<>(spec.sidecars());
            counted.addAll(spec.containers());
            for (Container c : counted) {
                ContainerStatusChanged s = statuses.get(c.name());
                if (s == null || !s.status().ready()) {
                    return violated(at, "ContainersReady", c.name() + " is not ready", containersReady, s);
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static PodConditionChanged gateCondition(Map<ConditionType, PodConditionChanged> conditions, String type) {
        for (ConditionType t : ConditionType.values()) {
            if (t.name().equals(type)) {
                return conditions.get(t);
            }
        }
        return null;
    }

    private static boolean isTrue(PodConditionChanged c) {
        return c != null && c.condition().status();
    }

    private static Verdict violated(long at, String condition, String because, TraceEvent... witness) {
        List<TraceEvent> present = new ArrayList<>();
        for (TraceEvent w : witness) {
            if (w != null) {
                present.add(w);
            }
        }
        present.sort(java.util.Comparator.comparingLong(TraceEvent::at));
        return Verdict.violated(String.format(MESSAGE, at, condition, because), present);
    }
}
