package dev.podcheck.adapters.observe;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import java.util.ArrayList;
import java.util.List;

/**
 * Sightings written by hand, times in ms since the pod's creation at {@link #CREATED} (a time
 * off the whole second, as real ones are): a test reads as what a target saw, in order.
 */
final class Sightings {
    static final long CREATED = 1_800_000_000_400L;

    private final List<Sighting> list = new ArrayList<>();

    Trace build() {
        return TraceBuilder.build(CREATED, list);
    }

    List<Sighting> list() {
        return list;
    }

    Sightings pod(long at, Sighting.PodSnapshot pod) {
        list.add(new Sighting.PodSeen(CREATED + at, pod));
        return this;
    }

    Sightings event(long at, String reason, String container, String message) {
        list.add(new Sighting.EventSeen(CREATED + at, reason, container, message));
        return this;
    }

    Sightings report(long at, String container, int instance, ContainerReport.Kind kind, String detail) {
        list.add(new Sighting.ReportSeen(new ContainerReport(CREATED + at, container, instance, kind, detail)));
        return this;
    }

    Sightings delete(long at, long grace, boolean force) {
        list.add(new Sighting.DeletionSent(CREATED + at, grace, force));
        return this;
    }

    Sightings gone(long at) {
        list.add(new Sighting.PodGone(CREATED + at));
        return this;
    }

    /** A pod with these phase and container statuses, no conditions, QoS class BestEffort. */
    static Sighting.PodSnapshot pod(PodPhase phase, ContainerStatus... statuses) {
        return new Sighting.PodSnapshot(phase, "", "", List.of(), List.of(), List.of(statuses), "BestEffort", null);
    }

    static Sighting.PodSnapshot withConditions(Sighting.PodSnapshot pod, PodCondition... conditions) {
        return new Sighting.PodSnapshot(pod.phase(), pod.reason(), pod.message(), List.of(conditions),
                pod.initContainerStatuses(), pod.containerStatuses(), pod.qosClass(), pod.deletionTimestampMillis());
    }

    static Sighting.PodSnapshot withReason(Sighting.PodSnapshot pod, String reason, String message) {
        return new Sighting.PodSnapshot(pod.phase(), reason, message, pod.conditions(), pod.initContainerStatuses(),
                pod.containerStatuses(), pod.qosClass(), pod.deletionTimestampMillis());
    }

    static PodCondition isTrue(ConditionType type) {
        return PodCondition.isTrue(type);
    }

    /** The wall-clock second the API shows for trace time {@code at}. */
    static long second(long at) {
        return Math.floorDiv(CREATED + at, 1000) * 1000;
    }

    static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatus(name, ContainerState.waiting(reason), null, 0, false, false);
    }

    /** Running since trace time {@code startedAt}, as the API shows it (to the second). */
    static ContainerStatus running(String name, int restartCount, long startedAt) {
        return new ContainerStatus(name, new ContainerState.Running(second(startedAt)), null, restartCount, true, true);
    }

    /** Terminated between these trace times, as the API shows it (to the second, no signal). */
    static ContainerStatus terminated(String name, int restartCount, int code, String reason, long startedAt, long finishedAt) {
        return new ContainerStatus(name, apiTerminated(code, reason, startedAt, finishedAt), null, restartCount, false, false);
    }

    static ContainerState.Terminated apiTerminated(int code, String reason, long startedAt, long finishedAt) {
        return new ContainerState.Terminated(code, reason, "", second(startedAt), second(finishedAt));
    }
}
