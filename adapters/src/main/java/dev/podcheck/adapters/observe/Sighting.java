package dev.podcheck.adapters.observe;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;

/**
 * One thing a real target saw of a pod, at a wall-clock time: what every real target (Kubernetes,
 * podman) turns its own observations into, and what {@code TraceBuilder} turns into a trace.
 */
public sealed interface Sighting {
    /** When it was seen (or, for a container's report, when the container wrote it), ms since the epoch. */
    long epochMillis();

    /** The pod as the API showed it at that time (a watch event, a list, an inspect). */
    record PodSeen(long epochMillis, PodSnapshot pod) implements Sighting {}

    /** A Kubernetes Event about the pod; {@code container} from involvedObject.fieldPath, empty for the pod. */
    record EventSeen(long epochMillis, String reason, String container, String message) implements Sighting {}

    /** A line a container wrote about itself. */
    record ReportSeen(ContainerReport report) implements Sighting {
        @Override
        public long epochMillis() {
            return report.epochMillis();
        }
    }

    /**
     * The target sent a DELETE for the pod (the scenario's deletePod); the trace records what the
     * apiserver makes of it ({@code GracefulDeletion}), and nothing for a DELETE that changes nothing.
     *
     * @param gracePeriodSeconds the grace sent: the scenario's, or the pod's own when it names none
     */
    record DeletionSent(long epochMillis, long gracePeriodSeconds, boolean force) implements Sighting {}

    /** The pod is gone from the API. */
    record PodGone(long epochMillis) implements Sighting {}

    /**
     * The observable part of a pod object. The times in its container statuses are wall-clock ms
     * since the epoch as the API shows them (whole seconds on Kubernetes), 0 where the API leaves a
     * time unset; their signal is empty unless the target knows it (the kubelet never fills it).
     *
     * @param reason  status.reason (Evicted, DeadlineExceeded), empty when unset
     * @param deletionTimestampMillis metadata.deletionTimestamp in ms since the epoch, or null
     */
    record PodSnapshot(PodPhase phase, String reason, String message, List<PodCondition> conditions,
                       List<ContainerStatus> initContainerStatuses, List<ContainerStatus> containerStatuses,
                       String qosClass, Long deletionTimestampMillis) {
        public PodSnapshot {
            reason = reason == null ? "" : reason;
            message = message == null ? "" : message;
            conditions = List.copyOf(conditions);
            initContainerStatuses = List.copyOf(initContainerStatuses);
            containerStatuses = List.copyOf(containerStatuses);
        }
    }
}
