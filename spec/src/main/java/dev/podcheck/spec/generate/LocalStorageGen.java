package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.DiskUse;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local ephemeral storage limits (SEMANTICS LS-1..LS-4): one regular container of the pod gets an ephemeral-storage
 * limit and, in every instance, writes to its writable layer from some time after it starts, either over the limit
 * or under it. The use stays at least 1Mi away from the limit, so the few hundred bytes of the pod's /etc/hosts the
 * engine leaves out (LS-3) never decide. Drawn after everything else so that every earlier draw stays as it was.
 * Choice 0 adds nothing.
 */
final class LocalStorageGen {
    private static final Gen<Long> LIMIT_MI = Gen.longs(16, 512, 100);
    private static final Gen<Long> MARGIN_MI = Gen.longs(1, 64, 1);
    private static final Gen<Duration> FROM = Gen.longs(0, 60, 5).map(Duration::ofSeconds);

    private LocalStorageGen() {}

    static Scenario add(Scenario scenario, Choices c) {
        if (!c.drawBoolean(0.15)) {
            return scenario;
        }
        List<Container> containers = new ArrayList<>(scenario.pod().spec().containers());
        int index = Gen.integers(0, containers.size() - 1, 0).generate(c);
        Container writer = containers.get(index);
        long limitMi = LIMIT_MI.generate(c);
        long margin = MARGIN_MI.generate(c);
        boolean over = c.drawBoolean(0.6);
        long useMi = over ? limitMi + margin : Math.max(0, limitMi - margin);
        Duration from = FROM.generate(c);
        // a drawn ephemeral-storage request may not exceed the limit (ResourceValidation)
        Quantity limit = Quantity.parse(limitMi + "Mi");
        Quantity request = writer.resources().request(ResourceRequirements.EPHEMERAL_STORAGE).orElse(Quantity.ZERO);
        if (request.compareTo(limit) > 0) {
            return scenario;
        }
        Map<String, Quantity> limits = new HashMap<>(writer.resources().limits());
        limits.put(ResourceRequirements.EPHEMERAL_STORAGE, limit);
        containers.set(index, writer.withResources(new ResourceRequirements(writer.resources().requests(), limits,
                writer.resources().extra())));
        List<DiskUse> disk = List.of(new DiskUse(from, Quantity.parse(useMi + "Mi")));
        List<InstanceBehaviour> instances = scenario.behaviour(writer.name()).instances().stream()
                .map(instance -> instance.withDisk(disk)).toList();
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>(scenario.behaviours());
        behaviours.put(writer.name(), new ContainerBehaviour(instances));
        return scenario.withPod(scenario.pod().withSpec(scenario.pod().spec().withContainers(containers)))
                .withBehaviours(behaviours);
    }
}
