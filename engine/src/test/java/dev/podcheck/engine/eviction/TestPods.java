package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test pods written the way helpers_test.go writes them: newPod(name, priority, containers) and
 * newContainer(name, requests, limits), with memory as a quantity string ("" for none).
 */
final class TestPods {
    /** helpers_test.go / eviction_manager_test.go constants. */
    static final int LOW_PRIORITY = -1;
    static final int DEFAULT_PRIORITY = 0;
    static final int HIGH_PRIORITY = 1;

    private TestPods() {}

    static Container container(String name, String memoryRequest, String memoryLimit) {
        return Container.of(name, "busybox").withResources(ResourceRequirements.of(
                memory(memoryRequest), memory(memoryLimit)));
    }

    static Container sidecar(String name, String memoryRequest) {
        return container(name, memoryRequest, "").withRestartPolicy("Always");
    }

    static Pod pod(String name, Integer priority, Container... containers) {
        return pod(name, priority, List.of(), List.of(containers));
    }

    static Pod pod(String name, Integer priority, List<Container> init, List<Container> containers) {
        return Pod.of(ObjectMeta.named(name), PodSpec.of(init, containers).withPriority(priority));
    }

    /** newPod with one container of the same name, as the Go tables do. */
    static Pod single(String name, int priority, String memoryRequest, String memoryLimit) {
        return pod(name, priority, container(name, memoryRequest, memoryLimit));
    }

    /** newPodMemoryStats: the pod's working set, all in its first container. */
    static PodMemoryUse using(Pod pod, String workingSet) {
        String first = pod.spec().containers().get(0).name();
        return PodMemoryUse.of(pod, Map.of(first, Quantity.parse(workingSet).longValue()));
    }

    /** Working sets per container, in the order given (the summary's order). */
    static PodMemoryUse using(Pod pod, Object... nameThenQuantity) {
        Map<String, Long> stats = new LinkedHashMap<>();
        for (int i = 0; i < nameThenQuantity.length; i += 2) {
            stats.put((String) nameThenQuantity[i], Quantity.parse((String) nameThenQuantity[i + 1]).longValue());
        }
        return PodMemoryUse.of(pod, stats);
    }

    static Pod withAnnotation(Pod pod, String key, String value) {
        return pod.withMetadata(pod.metadata().withAnnotation(key, value));
    }

    static long mi(long n) {
        return n * 1024 * 1024;
    }

    private static Map<String, Quantity> memory(String quantity) {
        return quantity.isEmpty() ? Map.of() : Map.of(ResourceRequirements.MEMORY, Quantity.parse(quantity));
    }
}
