package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code oom_score_adj} the kubelet gives a container's processes (SEMANTICS Q-6..Q-9), as
 * pkg/kubelet/qos/policy.go containerOOMScoreAdjust computes it with the alpha
 * KubeletOOMScoreAdjTieBreak off, no pod-level resources and no DRA memory claims.
 *
 * <p>Not modelled: node-critical pods (types.IsNodeCriticalPod needs priorityClassName
 * {@code system-node-critical}, not a priority value alone), which policy.go pins at -997.
 */
public final class OOMScoreAdj {
    /** policy.go guaranteedOOMScoreAdj (it was -998 before the kubelet moved to -997). */
    public static final int GUARANTEED = -997;
    /** policy.go besteffortOOMScoreAdj. */
    public static final int BEST_EFFORT = 1000;
    /** The Burstable floor: above a Guaranteed container using all memory (1000 + -997). */
    public static final int BURSTABLE_MIN = 1000 + GUARANTEED;
    /** The Burstable ceiling: below BestEffort. */
    public static final int BURSTABLE_MAX = BEST_EFFORT - 1;

    private OOMScoreAdj() {}

    /** The score of {@code container} (a regular or init container of {@code pod}) on a node. */
    public static int forContainer(Pod pod, Container container, long nodeMemoryCapacityBytes) {
        if (nodeMemoryCapacityBytes <= 0) {
            throw new IllegalArgumentException("node memory capacity must be positive, got " + nodeMemoryCapacityBytes);
        }
        return switch (PodQOS.compute(pod)) {
            case Guaranteed -> GUARANTEED;
            case BestEffort -> BEST_EFFORT;
            case Burstable -> burstable(pod, container, nodeMemoryCapacityBytes);
        };
    }

    /** Every container's score by name: init containers first, then regular ones, in spec order. */
    public static Map<String, Integer> forPod(Pod pod, long nodeMemoryCapacityBytes) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        pod.spec().allContainers().forEach(c -> scores.put(c.name(), forContainer(pod, c, nodeMemoryCapacityBytes)));
        return scores;
    }

    private static int burstable(Pod pod, Container container, long capacity) {
        long adj = linear(memoryRequest(container), capacity);
        // A sidecar is never more OOM-killable than the regular container with the smallest request.
        if (isSidecar(pod, container)) {
            adj = Math.min(adj, linear(minRegularContainerMemory(pod.spec().containers()), capacity));
        }
        if (adj < BURSTABLE_MIN) {
            return BURSTABLE_MIN;
        }
        return adj == BEST_EFFORT ? BURSTABLE_MAX : (int) adj;
    }

    /** 1000 - 1000 * request / capacity, in int64 arithmetic (wrapping) and truncating division as in Go. */
    private static long linear(long memoryRequest, long capacity) {
        return 1000 - (1000 * memoryRequest) / capacity;
    }

    /** Requests.Memory().Value(): whole bytes rounded up, 0 when unset. */
    private static long memoryRequest(Container container) {
        return container.resources().request(ResourceRequirements.MEMORY).map(Quantity::longValue).orElse(0L);
    }

    /** policy.go isSidecarContainer: restartPolicy Always and listed among the init containers. */
    private static boolean isSidecar(Pod pod, Container container) {
        return container.isSidecar()
                && pod.spec().initContainers().stream().anyMatch(c -> c.name().equals(container.name()));
    }

    /** helpers.go minRegularContainerMemory: regular containers only, unset counts as 0. */
    private static long minRegularContainerMemory(List<Container> containers) {
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("a pod with a sidecar needs at least one regular container");
        }
        return containers.stream().mapToLong(OOMScoreAdj::memoryRequest).min().orElseThrow();
    }
}
