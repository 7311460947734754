package dev.podcheck.engine.eviction;

import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodCondition;

/**
 * What an evicted pod's status says (pkg/kubelet/eviction/helpers.go evictionMessage and its
 * format strings; eviction_manager.go synchronize and evictPod; SEMANTICS E-7). The formats are
 * those of current releases; older ones wrote "Container %s was using %s, which exceeds its
 * request of %s. ", listed regular containers only, and had no threshold sentence.
 */
public final class EvictionMessages {
    /** helpers.go Reason: status.reason of an evicted pod, and the Warning event's reason. */
    public static final String REASON = "Evicted";
    /** core/v1 PodReasonTerminationByKubelet: the DisruptionTarget reason for pressure evictions. */
    public static final String TERMINATION_BY_KUBELET = "TerminationByKubelet";

    static final String NODE_LOW = "The node was low on resource: %s. ";
    static final String THRESHOLD_MET = "Threshold quantity: %s, available: %s. ";
    static final String CONTAINER = "Container %s was using %s, request is %s, has larger consumption of %s. ";
    private static final String MEMORY = "memory";

    private EvictionMessages() {}

    /**
     * The message for evicting {@code pod} under {@code pressure}: the node sentence, the
     * threshold sentence, then one sentence per container using more than it requests, in the
     * order the stats list them. Every sentence ends in ". ", so the message ends in a space.
     * A pod without stats gets the first two sentences only (evictionMessage returns early).
     */
    public static String memoryPressure(MemoryPressure pressure, PodMemoryUse pod) {
        StringBuilder message = new StringBuilder(String.format(NODE_LOW, MEMORY));
        message.append(String.format(THRESHOLD_MET, pressure.threshold(), pressure.available()));
        if (!pod.hasStats()) {
            return message.toString();
        }
        for (ContainerMemoryUse container : pod.containers()) {
            if (container.exceedsRequest()) {
                message.append(String.format(CONTAINER, container.container(), container.workingSet(),
                        container.request(), MEMORY));
            }
        }
        return message.toString();
    }

    /**
     * The condition synchronize hands to evictPod for a pressure eviction (not for the local
     * storage limit evictions, which pass none). Its ObservedGeneration is not modelled.
     */
    public static PodCondition disruptionTarget(String message) {
        return new PodCondition(ConditionType.DisruptionTarget, true, TERMINATION_BY_KUBELET, message);
    }
}
