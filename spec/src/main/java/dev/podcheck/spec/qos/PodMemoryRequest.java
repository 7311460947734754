package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;

/**
 * The pod's memory request the eviction comparators use: pkg/api/v1/resource/helpers.go
 * GetResourceRequestQuantity, which defers to component-helpers/resource PodRequests. Regular
 * containers and sidecars add up; each regular init container needs its own request plus the
 * sidecars started before it; the pod request is the larger of the two (KEP-753).
 * Pod-level resources and spec.overhead are not modelled (our PodSpec carries neither). What the eviction manager
 * ranks by (SEMANTICS E-5), and so what the invariants that judge its ranking read.
 *
 * <p>Stability: experimental.
 */
public final class PodMemoryRequest {
    private PodMemoryRequest() {}

    public static Quantity of(PodSpec spec) {
        return PodResourceSum.of(spec, PodMemoryRequest::request);
    }

    /** A container's own memory request; zero when it sets none. */
    public static Quantity request(Container container) {
        return container.resources().request(ResourceRequirements.MEMORY).orElse(Quantity.ZERO);
    }
}
