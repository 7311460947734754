package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.DiskUse;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * emptyDir volumes (SEMANTICS LS-5): the pod gets an emptyDir on disk, most often with a sizeLimit, mounted by one
 * regular container, which in every instance writes to it from some time after it starts, over the limit or under
 * it by at least 1Mi. What a run writes stays for the next, so a container that restarts may cross the limit on a
 * later run. Drawn after everything else so that every earlier draw stays as it was. Choice 0 adds nothing.
 */
final class EmptyDirGen {
    static final String VOLUME = "scratch";
    private static final Gen<Long> LIMIT_MI = Gen.longs(16, 512, 100);
    private static final Gen<Long> MARGIN_MI = Gen.longs(1, 64, 1);
    private static final Gen<Duration> FROM = Gen.longs(0, 60, 5).map(Duration::ofSeconds);

    private EmptyDirGen() {}

    static Scenario add(Scenario scenario, Choices c) {
        if (!c.drawBoolean(0.12)) {
            return scenario;
        }
        List<Container> containers = new ArrayList<>(scenario.pod().spec().containers());
        int index = Gen.integers(0, containers.size() - 1, 0).generate(c);
        Container writer = containers.get(index);
        long limitMi = LIMIT_MI.generate(c);
        boolean sizeLimit = c.drawBoolean(0.8);
        boolean over = c.drawBoolean(0.6);
        long margin = MARGIN_MI.generate(c);
        long useMi = over ? limitMi + margin : Math.max(0, limitMi - margin);
        Duration from = FROM.generate(c);
        Map<String, Object> emptyDir = sizeLimit ? Map.of("sizeLimit", limitMi + "Mi") : Map.of();
        Map<String, Object> spec = new LinkedHashMap<>(scenario.pod().spec().extra());
        spec.put("volumes", List.of(Map.of("name", VOLUME, "emptyDir", emptyDir)));
        Map<String, Object> mount = new LinkedHashMap<>(writer.extra());
        mount.put("volumeMounts", List.of(Map.of("name", VOLUME, "mountPath", "/" + VOLUME)));
        containers.set(index, writer.withExtra(mount));
        Map<String, List<DiskUse>> writes = Map.of(VOLUME, List.of(new DiskUse(from, Quantity.parse(useMi + "Mi"))));
        List<InstanceBehaviour> instances = scenario.behaviour(writer.name()).instances().stream()
                .map(instance -> instance.withVolumes(writes)).toList();
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>(scenario.behaviours());
        behaviours.put(writer.name(), new ContainerBehaviour(instances));
        return scenario.withPod(scenario.pod().withSpec(scenario.pod().spec().withContainers(containers)
                .withExtra(spec))).withBehaviours(behaviours);
    }
}
