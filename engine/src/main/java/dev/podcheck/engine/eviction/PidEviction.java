package dev.podcheck.engine.eviction;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.NodePidPressure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One pass of the eviction manager for a hard pid.available threshold (helpers.go makeSignalObservations: available =
 * MaxPID - NumOfRunningProcesses; rankPIDPressure = orderedBy(priority, process); eviction_manager.go synchronize,
 * evictPod; SEMANTICS NP-6): when the node's tasks leave less than the threshold, the first pod in rank that is not
 * critical is evicted, with the immediate grace and a DisruptionTarget condition.
 *
 * @param pod the index of the evicted pod among those ranked
 */
public record PidEviction(int pod, String message) {
    /** eviction_manager.go signalToResource: pid.available reclaims resourcePids. */
    public static final String RESOURCE = "pids";

    /** One active pod as rankPIDPressure reads it: its priority and its containers' tasks (ProcessStats). */
    public record PodTasks(Pod pod, long tasks) {
        int priority() {
            Integer priority = pod.spec().priority();
            return priority == null ? 0 : priority;
        }
    }

    /** priority (lower first), then process (more tasks first); sort.Sort is not stable, ties keep input order. */
    static final Comparator<PodTasks> RANK = Comparator.comparingInt(PodTasks::priority)
            .thenComparing(Comparator.comparingLong(PodTasks::tasks).reversed());

    /**
     * The eviction of this pass, or empty when the threshold is not met or every active pod is critical.
     *
     * @param nodeTasks the tasks of every running container on the node, pods being stopped too
     */
    public static Optional<PidEviction> decide(NodePidPressure node, long nodeTasks, List<PodTasks> active,
                                               Set<Fault> faults) {
        long available = node.maxPids() - nodeTasks;
        // thresholdsMet with OpLessThan: met when the threshold exceeds what is available
        if (node.evictionThreshold() <= available || faults.contains(Fault.PID_PRESSURE_IGNORED)) {
            return Optional.empty();
        }
        List<PodTasks> ranked = new ArrayList<>(active);
        ranked.sort(faults.contains(Fault.PID_RANKING_BY_TASKS) ? Comparator.comparingLong(PodTasks::tasks).reversed()
                : RANK);
        return ranked.stream().filter(p -> !CriticalPod.isCritical(p.pod())).findFirst()
                .map(p -> new PidEviction(active.indexOf(p), message(node.evictionThreshold(), available)));
    }

    /** evictionMessage: the node sentence and the threshold sentence; no container has a pids request to name. */
    static String message(long threshold, long available) {
        return String.format(EvictionMessages.NODE_LOW, RESOURCE)
                + String.format(EvictionMessages.THRESHOLD_MET, threshold, available);
    }
}
