package dev.podcheck.spec.trace;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One observation of a pod's life, at {@code at} milliseconds of virtual time since the pod was
 * created. The JSON form names the record in {@code "type"}; field names are stable.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(TraceEvent.PodCreated.class),
        @JsonSubTypes.Type(TraceEvent.PodPhaseChanged.class),
        @JsonSubTypes.Type(TraceEvent.PodConditionChanged.class),
        @JsonSubTypes.Type(TraceEvent.ContainerStatusChanged.class),
        @JsonSubTypes.Type(TraceEvent.ProbeResult.class),
        @JsonSubTypes.Type(TraceEvent.HookStarted.class),
        @JsonSubTypes.Type(TraceEvent.HookFinished.class),
        @JsonSubTypes.Type(TraceEvent.SignalSent.class),
        @JsonSubTypes.Type(TraceEvent.KubeletEvent.class),
        @JsonSubTypes.Type(TraceEvent.DeletionRequested.class),
        @JsonSubTypes.Type(TraceEvent.PodRemoved.class),
        @JsonSubTypes.Type(TraceEvent.PodEvicted.class),
        @JsonSubTypes.Type(TraceEvent.FinalizersRemoved.class),
        @JsonSubTypes.Type(TraceEvent.ConditionPatched.class),
        @JsonSubTypes.Type(TraceEvent.PodUpdated.class),
        @JsonSubTypes.Type(TraceEvent.UpdateRefused.class),
        @JsonSubTypes.Type(TraceEvent.KubeletRestarted.class),
        @JsonSubTypes.Type(TraceEvent.SandboxLost.class),
        @JsonSubTypes.Type(TraceEvent.SandboxCreated.class)})
public sealed interface TraceEvent {
    long at();

    /** The pod object exists; status.qosClass as the apiserver set it (SEMANTICS D-12). */
    record PodCreated(long at, String qosClass) implements TraceEvent {}

    record PodPhaseChanged(long at, PodPhase phase, String reason, String message) implements TraceEvent {
        public PodPhaseChanged {
            reason = reason == null ? "" : reason;
            message = message == null ? "" : message;
        }
    }

    record PodConditionChanged(long at, PodCondition condition) implements TraceEvent {}

    /** A container's status entry changed; the whole entry as it now reads. */
    record ContainerStatusChanged(long at, ContainerStatus status) implements TraceEvent {}

    /** One probe run and its result, before thresholds are applied (SEMANTICS P-4). */
    record ProbeResult(long at, String container, ProbeKind probe, boolean success) implements TraceEvent {}

    record HookStarted(long at, String container, Hook hook) implements TraceEvent {}

    record HookFinished(long at, String container, Hook hook, boolean failed) implements TraceEvent {}

    /** The runtime delivered a signal to a container's process. */
    record SignalSent(long at, String container, Signal signal) implements TraceEvent {}

    /** A Kubernetes Event the kubelet records: Scheduled, Pulled, Created, Started, Killing, Unhealthy, BackOff, ... */
    record KubeletEvent(long at, String reason, String container, String message) implements TraceEvent {
        public KubeletEvent {
            container = container == null ? "" : container;
            message = message == null ? "" : message;
        }
    }

    /**
     * A DELETE reached the apiserver: the grace it settled on (SEMANTICS T-1) and the
     * deletionTimestamp it set, or the removal at once for force and grace 0.
     */
    record DeletionRequested(long at, long gracePeriodSeconds, boolean force, long deletionTimestamp)
            implements TraceEvent {}

    /** The pod object is gone from the API. */
    record PodRemoved(long at) implements TraceEvent {}

    /** The kubelet evicted the pod under node pressure (SEMANTICS E-7). */
    record PodEvicted(long at, String resource, String message) implements TraceEvent {}

    /**
     * A client removed the pod's last finalizer (SEMANTICS FZ-3): from here on a DELETE with grace 0,
     * or one already made, removes the object.
     */
    record FinalizersRemoved(long at) implements TraceEvent {}

    /**
     * A client patched status.conditions with a condition the kubelet does not own, such as a
     * readiness gate's (SEMANTICS RG-3); {@code status} is True, False or Unknown.
     */
    record ConditionPatched(long at, String conditionType, String status) implements TraceEvent {}

    /**
     * The apiserver accepted an update of the pod's spec (SEMANTICS SU-1): the containers' new images by
     * name, and the new activeDeadlineSeconds (null when unchanged).
     */
    record PodUpdated(long at, Map<String, String> images, Long activeDeadlineSeconds) implements TraceEvent {
        public PodUpdated {
            images = Collections.unmodifiableMap(images == null ? new TreeMap<>() : new TreeMap<>(images));
        }
    }

    /** The apiserver refused an update of the pod with this error (SEMANTICS SU-1); the pod is unchanged. */
    record UpdateRefused(long at, String message) implements TraceEvent {}

    /** The node's kubelet restarted (SEMANTICS KR-1): a world event podcheck caused. */
    record KubeletRestarted(long at) implements TraceEvent {}

    /** The runtime lost the pod's sandbox, killing its containers (SEMANTICS SB-1): a world event podcheck caused. */
    record SandboxLost(long at) implements TraceEvent {}

    /**
     * The kubelet created the pod's sandbox again after it was lost (SEMANTICS SB-3): {@code attempt} is the CRI
     * sandbox's metadata.attempt, 1 for the first re-creation (the pod's first sandbox, attempt 0, is not
     * recorded: every pod has one).
     */
    record SandboxCreated(long at, int attempt) implements TraceEvent {}

    enum Hook { postStart, preStop }

    enum Signal { SIGTERM, SIGKILL }
}
