package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The QoS class of a pod from its containers' requests and limits (SEMANTICS Q-1..Q-3), as
 * pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS computes it on the container path.
 *
 * <p>Call it on a defaulted pod: requests already copied from limits (SEMANTICS D-9). Pod-level
 * {@code spec.resources} (Q-4, gate PodLevelResources) is not modelled and is ignored here, and so is
 * a {@code status.qosClass} already set (Q-5, GetPodQOS).
 */
public final class PodQOS {
    /** qos.go supportedQoSComputeResources: hugepages, ephemeral-storage and extended resources do not count. */
    static final Set<String> COMPUTE_RESOURCES = Set.of(ResourceRequirements.CPU, ResourceRequirements.MEMORY);

    private PodQOS() {}

    public static QOSClass compute(Pod pod) {
        Map<String, Quantity> requests = new HashMap<>();
        Map<String, Quantity> limits = new HashMap<>();
        boolean everyContainerLimitsCpuAndMemory = true;
        // Init containers count, sidecars and run-to-completion ones alike; ephemeral containers do not.
        for (Container container : pod.spec().allContainers().toList()) {
            addPositive(container.resources().requests(), requests);
            Set<String> limited = addPositive(container.resources().limits(), limits);
            if (!limited.containsAll(COMPUTE_RESOURCES)) {
                everyContainerLimitsCpuAndMemory = false;
            }
        }
        if (requests.isEmpty() && limits.isEmpty()) {
            return QOSClass.BestEffort;
        }
        boolean requestsMatchLimits = requests.size() == limits.size()
                && requests.entrySet().stream().allMatch(r -> r.getValue().equals(limits.get(r.getKey())));
        return everyContainerLimitsCpuAndMemory && requestsMatchLimits ? QOSClass.Guaranteed : QOSClass.Burstable;
    }

    /** Adds the positive cpu and memory quantities of {@code list} into {@code sums}; returns their names. */
    private static Set<String> addPositive(Map<String, Quantity> list, Map<String, Quantity> sums) {
        Set<String> added = new HashSet<>();
        list.forEach((name, quantity) -> {
            // qos.go counts a quantity only if it is strictly greater than zero.
            if (COMPUTE_RESOURCES.contains(name) && quantity.signum() > 0) {
                sums.merge(name, quantity, Quantity::plus);
                added.add(name);
            }
        });
        return added;
    }
}
