package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.qos.PodEphemeralStorageLimit;
import java.util.Map;
import java.util.Optional;

/**
 * The local storage limit check of one pod in an eviction pass (pkg/kubelet/eviction/eviction_manager.go
 * localStorageEviction, podEphemeralStorageLimitEviction, containerEphemeralStorageLimitEviction; SEMANTICS LS-1..LS-4):
 * first the pod's total use against the sum of its containers' ephemeral-storage limits, then each regular
 * container's use against its own limit. No emptyDir volume is modelled, so emptyDirLimitEviction never fires.
 * The pod is killed with {@link EvictionGracePeriod#IMMEDIATE_SECONDS} and no DisruptionTarget condition.
 */
public final class LocalStorageEviction {
    /** eviction_manager.go podEphemeralStorageMessageFmt. */
    static final String POD = "Pod ephemeral local storage usage exceeds the total limit of containers %s. ";
    /** eviction_manager.go containerEphemeralStorageMessageFmt; Go's %q quotes the limit. */
    static final String CONTAINER = "Container %s exceeded its local ephemeral storage limit \"%s\". ";
    /** What the engine's PodEvicted event names as the resource. */
    public static final String RESOURCE = ResourceRequirements.EPHEMERAL_STORAGE;

    private LocalStorageEviction() {}

    /**
     * The eviction message for {@code pod}, or empty when it is within its limits or critical (evictPod refuses).
     *
     * @param diskUse bytes on the writable layer and logs of each of its running containers, by name
     */
    public static Optional<String> decide(Pod pod, Map<String, Long> diskUse) {
        if (CriticalPod.isCritical(pod)) {
            return Optional.empty();
        }
        Optional<Quantity> podLimit = PodEphemeralStorageLimit.of(pod.spec());
        long total = diskUse.values().stream().mapToLong(Long::longValue).sum();
        if (podLimit.isPresent() && total > podLimit.get().longValue()) {
            return Optional.of(String.format(POD, podLimit.get()));
        }
        for (Container container : pod.spec().containers()) { // thresholdsMap: regular containers only
            Quantity limit = PodEphemeralStorageLimit.limit(container);
            Long used = diskUse.get(container.name());
            if (limit.signum() != 0 && used != null && used > limit.longValue()) {
                return Optional.of(String.format(CONTAINER, container.name(), limit));
            }
        }
        return Optional.empty();
    }
}
