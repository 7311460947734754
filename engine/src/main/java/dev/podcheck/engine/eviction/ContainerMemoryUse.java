package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Quantity;

/**
 * One container's working set as the stats report it, next to its memory request from the spec
 * ({@link Quantity#ZERO} when it sets none, as an absent entry of a Go ResourceList reads).
 */
public record ContainerMemoryUse(String container, long workingSetBytes, Quantity request) {
    public ContainerMemoryUse {
        if (container == null || container.isEmpty()) {
            throw new IllegalArgumentException("a container use needs the container's name");
        }
        if (workingSetBytes < 0) {
            throw new IllegalArgumentException("a working set is not negative, got " + workingSetBytes);
        }
        request = request == null ? Quantity.ZERO : request;
    }

    /** The working set as the kubelet builds it: resource.NewQuantity(bytes, BinarySI). */
    public Quantity workingSet() {
        return Quantity.bytes(workingSetBytes);
    }

    /** helpers.go evictionMessage: a container is named only when usage is strictly above request. */
    public boolean exceedsRequest() {
        return workingSet().compareTo(request) > 0;
    }
}
