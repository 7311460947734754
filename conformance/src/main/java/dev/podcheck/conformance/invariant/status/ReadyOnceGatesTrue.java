package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.PodReadinessGate;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ConditionPatched;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * status/ready-once-gates-true (SEMANTICS RG-2, RG-3, ST-14): what must happen, and by when. A
 * status patch is a pod update: the kubelet's pod worker syncs and generates the status from the
 * pod it now has, so Ready follows the gates in its next status write. That write may wait for a
 * SyncPod under way (an image pull, a postStart hook: the worker handles one update at a time), so
 * the bound is the next write, not a time; writes within the target's tolerance may predate the
 * patch. Judged at the end of each instant, as status/containers-ready is.
 */
public final class ReadyOnceGatesTrue implements Invariant {
    static final String MESSAGE = "ContainersReady and every readiness gate were True from %d ms, but the status "
            + "written at %d ms still had Ready not True";

    @Override
    public String id() {
        return "status/ready-once-gates-true";
    }

    @Override
    public String must() {
        return "Once ContainersReady and every readiness gate's condition are True in a pod that is not terminal, Ready "
                + "MUST be True in the kubelet's next status write.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/generate.go GeneratePodReadyCondition; test/e2e/common/node/pods.go \"should support "
                + "pod readiness gates\"; SEMANTICS RG-2, RG-3, ST-14";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONDITIONS, Observation.PHASE, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        if (spec.readinessGates().isEmpty()) {
            return Verdict.HOLDS;
        }
        Map<ConditionType, PodConditionChanged> conditions = new HashMap<>();
        Map<String, ConditionPatched> patched = new HashMap<>();
        boolean terminal = false;
        boolean statusWritten = false;
        TraceEvent since = null;
        List<TraceEvent> events = trial.trace().events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof PodConditionChanged c) {
                conditions.put(c.condition().type(), c);
            } else if (e instanceof ConditionPatched p) {
                patched.put(p.conditionType(), p);
            } else if (e instanceof PodPhaseChanged p) {
                terminal = p.phase().isTerminal();
            } else if (e instanceof PodRemoved) {
                return Verdict.HOLDS; // no status to read any more
            }
            statusWritten |= e instanceof PodConditionChanged || e instanceof PodPhaseChanged
                    || e instanceof ContainerStatusChanged;
            boolean endOfInstant = i + 1 == events.size() || events.get(i + 1).at() != e.at();
            if (!endOfInstant) {
                continue;
            }
            boolean due = !terminal && isTrue(conditions.get(ConditionType.ContainersReady)) && gatesTrue(spec, patched);
            boolean ready = isTrue(conditions.get(ConditionType.Ready));
            if (due && !ready && since != null && statusWritten && e.at() - since.at() > trial.toleranceMillis()) {
                return Verdict.violated(String.format(MESSAGE, since.at(), e.at()), since, e);
            }
            since = due && !ready ? (since == null ? e : since) : null;
            statusWritten = false;
        }
        return Verdict.HOLDS;
    }

    private static boolean gatesTrue(PodSpec spec, Map<String, ConditionPatched> patched) {
        for (PodReadinessGate gate : spec.readinessGates()) {
            ConditionPatched condition = patched.get(gate.conditionType());
            if (condition == null || !"True".equals(condition.status())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTrue(PodConditionChanged c) {
        return c != null && c.condition().status();
    }
}
