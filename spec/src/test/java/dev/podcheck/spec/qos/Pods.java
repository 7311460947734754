package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test pods written compactly: resources as {@code "cpu=100m,memory=100Mi"}, "" for none. */
final class Pods {
    private Pods() {}

    static Container container(String name, String requests, String limits) {
        return Container.of(name, "busybox")
                .withResources(ResourceRequirements.of(resources(requests), resources(limits)));
    }

    static Container sidecar(String name, String requests, String limits) {
        return container(name, requests, limits).withRestartPolicy("Always");
    }

    static Pod pod(List<Container> initContainers, List<Container> containers) {
        return Pod.of(ObjectMeta.named("test"), PodSpec.of(initContainers, containers));
    }

    static Pod pod(Container... containers) {
        return pod(List.of(), List.of(containers));
    }

    static Map<String, Quantity> resources(String list) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        for (String item : list.split(",")) {
            if (!item.isBlank()) {
                String[] kv = item.trim().split("=", 2);
                out.put(kv[0], Quantity.parse(kv[1]));
            }
        }
        return out;
    }
}
