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
import dev.podcheck.spec.trace.TraceEvent.ConditionPatched;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * status/containers-ready (SEMANTICS ST-13, ST-14, RG-2, INV-11): what must never happen
 * (status/ready-once-gates-true is what must). The kubelet writes statuses and conditions in one
 * status update, so the state is judged at the end of each instant, not between the events of one
 * instant. A readiness gate's condition is the last status a client patched it to (RG-3); the
 * kubelet sees a patch in its next status write, so gates are judged at instants with one.
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
                + "SEMANTICS ST-13, ST-14, RG-2, INV-11";
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
        Map<String, ConditionPatched> patched = new HashMap<>();
        boolean statusWritten = false;
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            statusWritten |= e instanceof ContainerStatusChanged || e instanceof PodConditionChanged;
            if (e instanceof ContainerStatusChanged s) {
                statuses.put(s.status().name(), s);
            } else if (e instanceof PodConditionChanged c) {
                conditions.put(c.condition().type(), c);
            } else if (e instanceof ConditionPatched p) {
                patched.put(p.conditionType(), p);
            }
            boolean endOfInstant = i + 1 == events.size() || events.get(i + 1).at() != e.at();
            if (endOfInstant) {
                // A patch waits for the kubelet's next status write (ReadyOnceGatesTrue): gates are judged at writes.
                Verdict v = judge(spec, e.at(), statuses, conditions, statusWritten ? patched : null);
                statusWritten = false;
                if (v != Verdict.HOLDS) {
                    return v;
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict judge(PodSpec spec, long at, Map<String, ContainerStatusChanged> statuses,
                                 Map<ConditionType, PodConditionChanged> conditions,
                                 Map<String, ConditionPatched> patched) {
        PodConditionChanged ready = conditions.get(ConditionType.Ready);
        if (isTrue(ready)) {
            PodConditionChanged containersReady = conditions.get(ConditionType.ContainersReady);
            if (!isTrue(containersReady)) {
                return violated(at, "Ready", "ContainersReady is not True", ready, containersReady);
            }
            for (PodReadinessGate gate : patched == null ? List.<PodReadinessGate>of() : spec.readinessGates()) {
                // a gate's condition exists once a client patched it (RG-3); absent means not True (ST-14)
                ConditionPatched gateCondition = patched.get(gate.conditionType());
                if (gateCondition == null || !"True".equals(gateCondition.status())) {
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
