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
 * status/initialized (SEMANTICS ST-12, INV-12), both directions: GeneratePodInitializedCondition
 * derives Initialized from the container statuses of the same status write, so it is False while an
 * init container is incomplete (a regular one not ready, i.e. not exited 0; a sidecar not started)
 * and no regular container has run, and True once they are all complete or a regular container has
 * run. Not judged once the kubelet failed the pod itself (a phase reason: its deadline or an
 * eviction), when it stops generating the conditions (generateAPIPodStatus returns early).
 */
public final class Initialized implements Invariant {
    static final String MESSAGE = "from %d ms to %d ms the Initialized condition was %s, but the container statuses "
            + "make it %s";
    static final String NOT_INITIALIZED = "ContainersNotInitialized";
    static final String POD_COMPLETED = "PodCompleted";

    @Override
    public String id() {
        return "status/initialized";
    }

    @Override
    public String must() {
        return "The Initialized condition MUST be False, reason ContainersNotInitialized, naming the init containers "
                + "that are incomplete, while an init container has not completed (a sidecar: not started) and no "
                + "regular container has run, and MUST be True otherwise, within the target's tolerance.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/generate.go GeneratePodInitializedCondition; SEMANTICS ST-12, INV-12";
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
        PodConditionChanged shown = s.conditions().get(ConditionType.Initialized);
        if (shown != null && agrees(spec, s, shown.condition(), due)) {
            return null;
        }
        List<TraceEvent> witness = new ArrayList<>(s.statuses().values());
        witness.add(shown);
        return new Disagreement(shown == null ? "absent" : describe(shown.condition()), describe(due), witness);
    }

    /** GeneratePodInitializedCondition's answer for the snapshot's statuses and phase. */
    static PodCondition due(PodSpec spec, Snapshot s) {
        List<String> unknown = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Container init : spec.initContainers()) {
            ContainerStatusChanged status = s.statuses().get(init.name());
            if (status == null) {
                unknown.add(init.name());
            } else if (init.isSidecar() ? !status.status().started() : !status.status().ready()) {
                incomplete.add(init.name());
            }
        }
        boolean succeeded = s.phase() != null && s.phase().phase() == PodPhase.Succeeded;
        if (succeeded && unknown.isEmpty()) {
            return new PodCondition(ConditionType.Initialized, true, POD_COMPLETED, "");
        }
        if ((unknown.isEmpty() && incomplete.isEmpty()) || anyRegularRan(spec, s)) {
            return PodCondition.isTrue(ConditionType.Initialized);
        }
        List<String> parts = new ArrayList<>(2);
        if (!unknown.isEmpty()) {
            parts.add("containers with unknown status: " + goSlice(unknown));
        }
        if (!incomplete.isEmpty()) {
            parts.add("containers with incomplete status: " + goSlice(incomplete));
        }
        return PodCondition.isFalse(ConditionType.Initialized, NOT_INITIALIZED, String.join(", ", parts));
    }

    /**
     * The reason of a True condition may already be PodCompleted while the status manager holds the
     * Succeeded phase back (SM-3): the kubelet generated it with the phase it computed.
     */
    private static boolean agrees(PodSpec spec, Snapshot s, PodCondition shown, PodCondition due) {
        if (shown.equals(due)) {
            return true;
        }
        return shown.status() && due.status() && POD_COMPLETED.equals(shown.reason()) && shown.message().isEmpty()
                && allRegularExitedZero(spec, s);
    }

    /** kubecontainer.HasAnyRegularContainerStarted: a regular container is Running or Terminated. */
    private static boolean anyRegularRan(PodSpec spec, Snapshot s) {
        return spec.containers().stream().map(c -> s.statuses().get(c.name()))
                .anyMatch(st -> st != null && !(st.status().state() instanceof ContainerState.Waiting));
    }

    private static boolean allRegularExitedZero(PodSpec spec, Snapshot s) {
        return spec.containers().stream().map(c -> s.statuses().get(c.name())).allMatch(st -> st != null
                && st.status().state() instanceof ContainerState.Terminated t && t.exitCode() == 0);
    }
}
