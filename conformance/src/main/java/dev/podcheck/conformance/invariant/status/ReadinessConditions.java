package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.StatusAgreement.describe;
import static dev.podcheck.conformance.invariant.StatusAgreement.goSlice;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.StatusAgreement;
import dev.podcheck.conformance.invariant.StatusAgreement.Disagreement;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * status/readiness-conditions (SEMANTICS ST-13, ST-14, ST-15, SM-4), both directions:
 * GenerateContainersReadyCondition derives ContainersReady from the statuses of the same write (False,
 * ContainersNotReady, naming the sidecars and regular containers that are not ready; True once they all
 * are; False PodCompleted or PodFailed in a terminal phase), and GeneratePodReadyCondition copies it into
 * Ready while it is not True. status/containers-ready and status/ready-once-gates-true judge Ready once
 * ContainersReady is True. Not judged once the kubelet failed the pod itself (a phase reason), as
 * status/initialized.
 */
public final class ReadinessConditions implements Invariant {
    static final String MESSAGE = "from %d ms to %d ms the readiness conditions were %s, but the container statuses "
            + "make them %s";
    static final String NOT_READY = "ContainersNotReady";
    static final String POD_COMPLETED = "PodCompleted";
    static final String POD_FAILED = "PodFailed";

    @Override
    public String id() {
        return "status/readiness-conditions";
    }

    @Override
    public String must() {
        return "ContainersReady MUST be False, reason ContainersNotReady, naming the sidecars and regular containers "
                + "that are not ready, while one is not ready, MUST be True once they all are, and MUST be False with "
                + "reason PodCompleted or PodFailed in a terminal phase; while it is not True, Ready MUST copy its "
                + "status, reason and message; all within the target's tolerance.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/generate.go GenerateContainersReadyCondition, GeneratePodReadyCondition; "
                + "status_manager.go mergePodStatus; SEMANTICS ST-13, ST-14, ST-15, SM-4";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONDITIONS, Observation.CONTAINER_STATUSES, Observation.PHASE);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        return StatusAgreement.firstOfConditions(trial, s -> judge(spec, s), MESSAGE);
    }

    private static Disagreement judge(PodSpec spec, Snapshot s) {
        PodCondition due = due(spec, s);
        PodConditionChanged containersReady = s.conditions().get(ConditionType.ContainersReady);
        PodConditionChanged ready = s.conditions().get(ConditionType.Ready);
        boolean agrees = containersReady != null && ready != null
                && (containersReady.condition().equals(due) || heldBackTerminal(spec, s, containersReady.condition()))
                && (containersReady.condition().status() || copies(ready.condition(), containersReady.condition()));
        if (agrees) {
            return null;
        }
        List<TraceEvent> witness = new ArrayList<>(s.statuses().values());
        witness.add(containersReady);
        witness.add(ready);
        String shown = "ContainersReady " + describeShown(containersReady) + ", Ready " + describeShown(ready);
        String expected = "ContainersReady " + describe(due) + (due.status() ? "" : ", Ready the same");
        return new Disagreement(shown, expected, witness);
    }

    /**
     * GenerateContainersReadyCondition's answer for the snapshot (ST-13). In a terminal phase it is
     * never True, so mergePodStatus's forcing (ST-15) changes nothing here.
     */
    static PodCondition due(PodSpec spec, Snapshot s) {
        List<Container> counted = new ArrayList<>(spec.sidecars());
        counted.addAll(spec.containers());
        List<String> unknown = new ArrayList<>();
        List<String> unready = new ArrayList<>();
        for (Container c : counted) {
            ContainerStatusChanged status = s.statuses().get(c.name());
            if (status == null) {
                unknown.add(c.name());
            } else if (!status.status().ready()) {
                unready.add(c.name());
            }
        }
        PodPhase phase = s.phase() == null ? PodPhase.Pending : s.phase().phase();
        if (phase == PodPhase.Failed) {
            return PodCondition.isFalse(ConditionType.ContainersReady, POD_FAILED, "");
        }
        if (phase == PodPhase.Succeeded && unknown.isEmpty()) {
            return PodCondition.isFalse(ConditionType.ContainersReady, POD_COMPLETED, "");
        }
        List<String> parts = new ArrayList<>(2);
        if (!unknown.isEmpty()) {
            parts.add("containers with unknown status: " + goSlice(unknown));
        }
        if (!unready.isEmpty()) {
            parts.add("containers with unready status: " + goSlice(unready));
        }
        return parts.isEmpty() ? PodCondition.isTrue(ConditionType.ContainersReady)
                : PodCondition.isFalse(ConditionType.ContainersReady, NOT_READY, String.join(", ", parts));
    }

    /**
     * The kubelet generates the conditions with the phase it computed; the status manager may hold a
     * terminal one back while a container could run (SM-3), so while the phase shown is not terminal
     * the reason of that phase may come first, once no regular container runs: PodCompleted if every
     * one exited 0 (getPhase's Succeeded), else PodFailed.
     */
    private static boolean heldBackTerminal(PodSpec spec, Snapshot s, PodCondition shown) {
        if (shown.status() || !shown.message().isEmpty() || s.phase() == null || s.phase().phase().isTerminal()) {
            return false;
        }
        List<ContainerStatusChanged> regular = spec.containers().stream().map(c -> s.statuses().get(c.name())).toList();
        if (regular.stream().anyMatch(st -> st == null || st.status().isRunning())) {
            return false;
        }
        boolean allExitedZero = regular.stream().allMatch(st -> st.status().state() instanceof ContainerState.Terminated t
                && t.exitCode() == 0);
        return shown.reason().equals(allExitedZero ? POD_COMPLETED : POD_FAILED);
    }

    private static boolean copies(PodCondition ready, PodCondition containersReady) {
        return !ready.status() && ready.reason().equals(containersReady.reason())
                && ready.message().equals(containersReady.message());
    }

    private static String describeShown(PodConditionChanged c) {
        return c == null ? "absent" : describe(c.condition());
    }
}
