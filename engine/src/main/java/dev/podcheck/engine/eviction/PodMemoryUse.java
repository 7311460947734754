package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.qos.PodMemoryRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What memory-pressure ranking and the eviction message read about one active pod.
 *
 * @param pod the pod's name
 * @param priority spec.priority, 0 when unset (component-helpers corev1 PodPriority)
 * @param critical never evicted by the kubelet ({@link CriticalPod})
 * @param request the pod's memory request ({@link PodMemoryRequest}, GetResourceRequestQuantity)
 * @param workingSetBytes the pod's working set; empty when the summary has no stats for the pod,
 *     which the comparators rank first ("prioritize evicting the pod for which no stats were found")
 * @param containers the containers' stats in the order the summary lists them, each with its spec
 *     request; only containers of the spec (regular, init, sidecar) appear, as in evictionMessage
 */
public record PodMemoryUse(
        String pod,
        int priority,
        boolean critical,
        Quantity request,
        OptionalLong workingSetBytes,
        List<ContainerMemoryUse> containers) {

    public PodMemoryUse {
        if (pod == null || request == null || workingSetBytes == null) {
            throw new IllegalArgumentException(
                    "a pod's memory use needs a name, a request and a working set (or none)");
        }
        if (workingSetBytes.isPresent() && workingSetBytes.getAsLong() < 0) {
            throw new IllegalArgumentException("a working set is not negative, got " + workingSetBytes.getAsLong());
        }
        containers = List.copyOf(containers == null ? List.of() : containers);
    }

    /**
     * A pod with stats: {@code workingSetByContainer} maps container names to working-set bytes
     * in the summary's order (pass a {@link LinkedHashMap}). The pod's working set is their sum,
     * standing in for the pod cgroup's; names the spec does not have (ephemeral containers) count
     * toward it but are never named in the message.
     */
    public static PodMemoryUse of(Pod pod, Map<String, Long> workingSetByContainer) {
        Map<String, Container> specContainers = new LinkedHashMap<>();
        pod.spec().allContainers().forEach(c -> specContainers.put(c.name(), c));
        List<ContainerMemoryUse> uses = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> entry : workingSetByContainer.entrySet()) {
            total = Int64.plus(total, entry.getValue());
            Container container = specContainers.get(entry.getKey());
            if (container != null) {
                uses.add(new ContainerMemoryUse(entry.getKey(), entry.getValue(),
                        PodMemoryRequest.request(container)));
            }
        }
        return new PodMemoryUse(pod.metadata().name(), priorityOf(pod), CriticalPod.isCritical(pod),
                PodMemoryRequest.of(pod.spec()), OptionalLong.of(total), uses);
    }

    /** A pod the summary has no stats for (statsFunc returned found = false). */
    public static PodMemoryUse withoutStats(Pod pod) {
        return new PodMemoryUse(pod.metadata().name(), priorityOf(pod), CriticalPod.isCritical(pod),
                PodMemoryRequest.of(pod.spec()), OptionalLong.empty(), List.of());
    }

    public boolean hasStats() {
        return workingSetBytes.isPresent();
    }

    /** The pod's working set as a BinarySI quantity (helpers.go memoryUsage); empty without stats. */
    public Optional<Quantity> workingSet() {
        return hasStats() ? Optional.of(Quantity.bytes(workingSetBytes.getAsLong())) : Optional.empty();
    }

    /** exceedMemoryRequests: usage strictly above the pod's request. False without stats. */
    public boolean exceedsRequest() {
        return workingSet().map(usage -> usage.compareTo(request) > 0).orElse(false);
    }

    /** memory(): usage minus request, the amount the greediest-first key compares. */
    public Optional<Quantity> usageAboveRequest() {
        return workingSet().map(usage -> usage.minus(request));
    }

    private static int priorityOf(Pod pod) {
        Integer priority = pod.spec().priority();
        return priority == null ? 0 : priority;
    }
}
