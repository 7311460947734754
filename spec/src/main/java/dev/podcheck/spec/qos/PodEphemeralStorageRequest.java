package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;

/**
 * The pod's ephemeral-storage request the disk-pressure comparators use (helpers.go exceedDiskRequests and disk:
 * GetResourceRequestQuantity, summed as {@link PodMemoryRequest} sums memory; SEMANTICS NP-7).
 *
 * <p>Stability: experimental.
 */
public final class PodEphemeralStorageRequest {
    private PodEphemeralStorageRequest() {}

    public static Quantity of(PodSpec spec) {
        return PodResourceSum.of(spec, PodEphemeralStorageRequest::request);
    }

    /** A container's own ephemeral-storage request; zero when it sets none. */
    public static Quantity request(Container container) {
        return container.resources().request(ResourceRequirements.EPHEMERAL_STORAGE).orElse(Quantity.ZERO);
    }
}
