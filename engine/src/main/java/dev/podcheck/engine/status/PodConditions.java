package dev.podcheck.engine.status;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodReadinessGate;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The kubelet-owned pod conditions, with the reasons and messages of
 * pkg/kubelet/status/generate.go (SEMANTICS ST-9..ST-15, S-13). Pure functions.
 *
 * <p>A null status map stands for Go's nil slice (the kubelet has no statuses at all, reason
 * UnknownContainerStatuses); an empty map is "known, but no entry", as in generate.go.
 */
public final class PodConditions {

    public static final String UNKNOWN_CONTAINER_STATUSES = "UnknownContainerStatuses";
    public static final String POD_COMPLETED = "PodCompleted";
    public static final String POD_FAILED = "PodFailed";
    public static final String CONTAINERS_NOT_READY = "ContainersNotReady";
    public static final String CONTAINERS_NOT_INITIALIZED = "ContainersNotInitialized";
    public static final String READINESS_GATES_NOT_READY = "ReadinessGatesNotReady";

    private PodConditions() {}

    /**
     * GeneratePodInitializedCondition: True once every init container is initialized (a regular
     * one is ready, i.e. exited 0; a sidecar has started), or once any regular container has run.
     */
    public static PodCondition initialized(PodSpec spec, Map<String, ContainerStatus> statuses, PodPhase phase) {
        if (statuses == null && !spec.initContainers().isEmpty()) {
            return PodCondition.isFalse(ConditionType.Initialized, UNKNOWN_CONTAINER_STATUSES, "");
        }
        Map<String, ContainerStatus> known = statuses == null ? Map.of() : statuses;
        List<String> unknown = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (Container init : spec.initContainers()) {
            ContainerStatus status = known.get(init.name());
            if (status == null) {
                unknown.add(init.name());
            } else if (!(init.isSidecar() ? status.started() : status.ready())) {
                incomplete.add(init.name());
            }
        }
        if (phase == PodPhase.Succeeded && unknown.isEmpty()) {
            return new PodCondition(ConditionType.Initialized, true, POD_COMPLETED, "");
        }
        // generate.go still asks the pre-v1.33 HasAnyRegularContainerStarted (Running or
        // Terminated): a crash-looping regular container alone does not count here.
        if (anyRegularContainerRunningOrTerminated(spec, known)) {
            return PodCondition.isTrue(ConditionType.Initialized);
        }
        String message = joinMessages("containers with unknown status: ", unknown,
                "containers with incomplete status: ", incomplete);
        return message.isEmpty()
                ? PodCondition.isTrue(ConditionType.Initialized)
                : PodCondition.isFalse(ConditionType.Initialized, CONTAINERS_NOT_INITIALIZED, message);
    }

    /**
     * GenerateContainersReadyCondition: sidecars and regular containers must all be ready;
     * regular init containers do not count. Succeeded (with every status known) gives False
     * PodCompleted, Failed gives False PodFailed.
     */
    public static PodCondition containersReady(PodSpec spec, Map<String, ContainerStatus> statuses, PodPhase phase) {
        if (statuses == null) {
            return PodCondition.isFalse(ConditionType.ContainersReady, UNKNOWN_CONTAINER_STATUSES, "");
        }
        List<String> unknown = new ArrayList<>();
        List<String> unready = new ArrayList<>();
        // Sidecars, then regular containers; loops rather than spec.sidecars(): the kubelet
        // publishes the status at every change, so this runs many times per simulated pod.
        for (Container init : spec.initContainers()) {
            if (init.isSidecar()) {
                countReadiness(init, statuses, unknown, unready);
            }
        }
        for (Container container : spec.containers()) {
            countReadiness(container, statuses, unknown, unready);
        }
        if ((phase == PodPhase.Succeeded && unknown.isEmpty()) || phase == PodPhase.Failed) {
            return forTerminalPhase(ConditionType.ContainersReady, phase);
        }
        String message = joinMessages("containers with unknown status: ", unknown,
                "containers with unready status: ", unready);
        return message.isEmpty()
                ? PodCondition.isTrue(ConditionType.ContainersReady)
                : PodCondition.isFalse(ConditionType.ContainersReady, CONTAINERS_NOT_READY, message);
    }

    /**
     * GeneratePodReadyCondition: a copy of ContainersReady unless that is True; then every
     * readiness gate's condition must exist and be True.
     *
     * @param gateConditions status of the non-kubelet conditions on the pod, by condition type;
     *                       an absent type "does not exist"
     */
    public static PodCondition ready(PodSpec spec, PodCondition containersReady, Map<String, Boolean> gateConditions) {
        if (containersReady.type() != ConditionType.ContainersReady) {
            throw new IllegalArgumentException("expected the ContainersReady condition, got " + containersReady.type());
        }
        if (!containersReady.status()) {
            return new PodCondition(ConditionType.Ready, false, containersReady.reason(), containersReady.message());
        }
        List<String> messages = new ArrayList<>();
        for (PodReadinessGate gate : spec.readinessGates()) {
            Boolean status = gateConditions.get(gate.conditionType());
            // Go's %q; condition types are qualified names, so no character needs escaping.
            String quoted = "\"" + gate.conditionType() + "\"";
            if (status == null) {
                messages.add("corresponding condition of pod readiness gate " + quoted + " does not exist.");
            } else if (!status) {
                messages.add("the status of pod readiness gate " + quoted + " is not \"True\", but False");
            }
        }
        return messages.isEmpty()
                ? PodCondition.isTrue(ConditionType.Ready)
                : PodCondition.isFalse(ConditionType.Ready, READINESS_GATES_NOT_READY, String.join(", ", messages));
    }

    /**
     * GeneratePodReadyToStartContainersCondition (S-13): True iff no new sandbox is needed.
     * The v1.33 generate.go gives the False condition no reason or message.
     */
    public static PodCondition podReadyToStartContainers(boolean sandboxReady) {
        return sandboxReady
                ? PodCondition.isTrue(ConditionType.PodReadyToStartContainers)
                : PodCondition.isFalse(ConditionType.PodReadyToStartContainers, "", "");
    }

    /**
     * The conditions generateAPIPodStatus writes, in its order: PodReadyToStartContainers,
     * Initialized, Ready, ContainersReady, PodScheduled (always True for a pod the kubelet runs,
     * ST-10). Apply {@link #forcedForTerminalPhase} to the result with the phase that is sent.
     */
    public static List<PodCondition> kubeletOwned(PodSpec spec, Map<String, ContainerStatus> statuses, PodPhase phase,
                                                  boolean sandboxReady, Map<String, Boolean> gateConditions) {
        PodCondition containersReady = containersReady(spec, statuses, phase);
        return List.of(
                podReadyToStartContainers(sandboxReady),
                initialized(spec, statuses, phase),
                ready(spec, containersReady, gateConditions),
                containersReady,
                PodCondition.isTrue(ConditionType.PodScheduled));
    }

    /**
     * mergePodStatus (status_manager.go, ST-15/SM-4, issue 108594): with a terminal phase, if
     * Ready or ContainersReady is True, both are replaced by False with reason PodCompleted or
     * PodFailed. If neither is True they are left as they are, reason and message included.
     */
    public static List<PodCondition> forcedForTerminalPhase(List<PodCondition> conditions, PodPhase phase) {
        Objects.requireNonNull(conditions, "conditions");
        if (!phase.isTerminal() || !anyReadyTrue(conditions)) {
            return conditions;
        }
        List<PodCondition> forced = new ArrayList<>(conditions.size() + 2);
        for (PodCondition c : conditions) {
            boolean readyType = c.type() == ConditionType.Ready || c.type() == ConditionType.ContainersReady;
            forced.add(readyType ? forTerminalPhase(c.type(), phase) : c);
        }
        // podutil.UpdatePodCondition appends a condition that is missing.
        for (ConditionType type : List.of(ConditionType.ContainersReady, ConditionType.Ready)) {
            if (forced.stream().noneMatch(c -> c.type() == type)) {
                forced.add(forTerminalPhase(type, phase));
            }
        }
        return List.copyOf(forced);
    }

    private static boolean anyReadyTrue(List<PodCondition> conditions) {
        for (PodCondition c : conditions) {
            if (c.status() && (c.type() == ConditionType.Ready || c.type() == ConditionType.ContainersReady)) {
                return true;
            }
        }
        return false;
    }

    private static void countReadiness(Container container, Map<String, ContainerStatus> statuses,
                                       List<String> unknown, List<String> unready) {
        ContainerStatus status = statuses.get(container.name());
        if (status == null) {
            unknown.add(container.name());
        } else if (!status.ready()) {
            unready.add(container.name());
        }
    }

    private static PodCondition forTerminalPhase(ConditionType type, PodPhase phase) {
        return PodCondition.isFalse(type, phase == PodPhase.Failed ? POD_FAILED : POD_COMPLETED, "");
    }

    private static boolean anyRegularContainerRunningOrTerminated(PodSpec spec, Map<String, ContainerStatus> statuses) {
        for (Container container : spec.containers()) {
            ContainerStatus s = statuses.get(container.name());
            if (s != null && !(s.state() instanceof ContainerState.Waiting)) {
                return true;
            }
        }
        return false;
    }

    /** generate.go: each non-empty list as "prefix" + Go's %s of a []string, joined by ", ". */
    private static String joinMessages(String firstPrefix, List<String> first, String secondPrefix, List<String> second) {
        List<String> parts = new ArrayList<>(2);
        if (!first.isEmpty()) {
            parts.add(firstPrefix + goSlice(first));
        }
        if (!second.isEmpty()) {
            parts.add(secondPrefix + goSlice(second));
        }
        return String.join(", ", parts);
    }

    /** fmt's %s of a []string: elements separated by single spaces, in brackets. */
    static String goSlice(List<String> names) {
        return "[" + String.join(" ", names) + "]";
    }
}
