package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pod's ephemeral-storage limit as podEphemeralStorageLimitEviction reads it (pkg/kubelet/eviction/
 * eviction_manager.go, resourcehelper.PodLimits; SEMANTICS LS-3): present when any container sets one, and then the
 * sum over the containers that set one, a container without a limit adding nothing.
 *
 * <p>Stability: experimental.
 */
public final class PodEphemeralStorageLimit {
    private PodEphemeralStorageLimit() {}

    public static Optional<Quantity> of(PodSpec spec) {
        boolean any = Stream.concat(spec.containers().stream(), spec.initContainers().stream())
                .anyMatch(c -> c.resources().limit(ResourceRequirements.EPHEMERAL_STORAGE).isPresent());
        return any ? Optional.of(PodResourceSum.of(spec, PodEphemeralStorageLimit::limit)) : Optional.empty();
    }

    /** A container's own ephemeral-storage limit; zero when it sets none. */
    public static Quantity limit(Container container) {
        return container.resources().limit(ResourceRequirements.EPHEMERAL_STORAGE).orElse(Quantity.ZERO);
    }
}
