package dev.podcheck.engine.eviction;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.qos.PodEphemeralStorageLimit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local storage limit check of one pod in an eviction pass (pkg/kubelet/eviction/eviction_manager.go
 * localStorageEviction, podEphemeralStorageLimitEviction, containerEphemeralStorageLimitEviction; SEMANTICS LS-1..LS-4):
 * first each emptyDir volume with a sizeLimit against it (LS-5), then the pod's total use (its containers' and its
 * emptyDirs on disk) against the sum of its containers' ephemeral-storage limits, then each regular container's use
 * against its own limit. The pod is killed with {@link EvictionGracePeriod#IMMEDIATE_SECONDS} and no DisruptionTarget condition.
 */
public final class LocalStorageEviction {
    /** eviction_manager.go emptyDirMessageFmt; Go's %q quotes the name and the limit. */
    static final String EMPTY_DIR = "Usage of EmptyDir volume \"%s\" exceeds the limit \"%s\". ";
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
     * @param emptyDirs the pod's emptyDir volumes
     * @param volumeUse bytes in each of them, by volume name
     * @param faults the engine's faults: {@link Fault#EMPTY_DIR_LIMIT_IGNORED} skips the emptyDir check
     */
    public static Optional<String> decide(Pod pod, Map<String, Long> diskUse, List<EmptyDirVolume> emptyDirs,
                                          Map<String, Long> volumeUse, Set<Fault> faults) {
        if (CriticalPod.isCritical(pod)) {
            return Optional.empty();
        }
        long total = diskUse.values().stream().mapToLong(Long::longValue).sum();
        for (EmptyDirVolume volume : emptyDirs) {
            long used = volumeUse.getOrDefault(volume.name(), 0L);
            if (volume.limited() && used > volume.sizeLimit().longValue()
                    && !faults.contains(Fault.EMPTY_DIR_LIMIT_IGNORED)) {
                return Optional.of(String.format(EMPTY_DIR, volume.name(), volume.sizeLimit()));
            }
            // podStats.EphemeralStorage counts the emptyDirs on disk; a tmpfs is memory (LS-5)
            total += volume.memoryBacked() ? 0 : used;
        }
        Optional<Quantity> podLimit = PodEphemeralStorageLimit.of(pod.spec());
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
