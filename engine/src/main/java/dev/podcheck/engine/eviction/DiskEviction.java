package dev.podcheck.engine.eviction;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.qos.PodEphemeralStorageRequest;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One pass of the eviction manager for a hard nodefs.available or imagefs.available threshold on the node's one
 * filesystem (helpers.go makeSignalObservations, rankDiskPressureFunc with every fs stat, evictionMessage;
 * eviction_manager.go synchronize, evictPod; SEMANTICS NP-7): when what the pods leave free is below a threshold, the
 * first pod in rank that is not critical is evicted, with the immediate grace and a DisruptionTarget condition.
 * Node-level reclaim (container and image GC) frees nothing here: the filesystem's other use is the scenario's.
 *
 * @param pod the index of the evicted pod among those ranked
 */
public record DiskEviction(int pod, String message) {
    /** signalToResource: nodefs.available and imagefs.available reclaim ephemeral-storage. */
    public static final String RESOURCE = ResourceRequirements.EPHEMERAL_STORAGE;

    /**
     * One active pod as rankDiskPressureFunc reads it: its use (podDiskUsage: every container's rootfs and logs, and
     * its local volumes, the emptyDirs on disk here) and each running container's own (rootfs and logs), by name.
     */
    public record PodDisk(Pod pod, long bytes, Map<String, Long> containers) {
        int priority() {
            Integer priority = pod.spec().priority();
            return priority == null ? 0 : priority;
        }

        long request() {
            return PodEphemeralStorageRequest.of(pod.spec()).longValue();
        }

        boolean exceedsRequest() {
            return bytes > request();
        }

        long aboveRequest() {
            return bytes - request();
        }
    }

    /** exceedDiskRequests (true first), priority (lower first), disk (more above request first); ties keep order. */
    static final Comparator<PodDisk> RANK = Comparator.comparing((PodDisk p) -> !p.exceedsRequest())
            .thenComparingInt(PodDisk::priority)
            .thenComparing(Comparator.comparingLong(PodDisk::aboveRequest).reversed());

    /**
     * The eviction of this pass, or empty when no threshold is met or every active pod is critical.
     *
     * @param nodeBytes the disk use of every pod on the node, pods being stopped too
     */
    public static Optional<DiskEviction> decide(NodeDiskPressure node, long nodeBytes, List<PodDisk> active,
                                                Set<Fault> faults) {
        Optional<Quantity> threshold = node.thresholdMet(nodeBytes);
        if (threshold.isEmpty() || faults.contains(Fault.DISK_PRESSURE_IGNORED)) {
            return Optional.empty();
        }
        List<PodDisk> ranked = new ArrayList<>(active);
        ranked.sort(faults.contains(Fault.DISK_RANKING_BY_USE) ? Comparator.comparingLong(PodDisk::bytes).reversed()
                : RANK);
        Quantity available = Quantity.bytes(node.availableWith(nodeBytes));
        return ranked.stream().filter(p -> !CriticalPod.isCritical(p.pod())).findFirst()
                .map(p -> new DiskEviction(active.indexOf(p), message(threshold.get(), available, p)));
    }

    /**
     * evictionMessage for ephemeral-storage: the node sentence, the threshold sentence, then a sentence for each
     * container whose rootfs and logs exceed its own request (zero when it sets none), in the order of the stats.
     */
    static String message(Quantity threshold, Quantity available, PodDisk pod) {
        StringBuilder message = new StringBuilder(String.format(EvictionMessages.NODE_LOW, RESOURCE))
                .append(String.format(EvictionMessages.THRESHOLD_MET, threshold, available));
        List<Container> containers = Stream.concat(pod.pod().spec().containers().stream(),
                pod.pod().spec().initContainers().stream()).toList();
        pod.containers().forEach((name, bytes) -> containers.stream().filter(c -> c.name().equals(name)).findFirst()
                .ifPresent(container -> {
                    Quantity request = PodEphemeralStorageRequest.request(container);
                    Quantity usage = Quantity.bytes(bytes);
                    if (usage.compareTo(request) > 0) {
                        message.append(String.format(EvictionMessages.CONTAINER, name, usage, request, RESOURCE));
                    }
                }));
        return message.toString();
    }
}
