package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ObjectMeta;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.property.Weighted;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Node scenarios (SEMANTICS NP-1): one or two neighbours on the pod's node, each a pod of one container with a
 * priority, maybe a memory request, and memory use that grows, and the node under memory pressure, its
 * allocatable drawn around the pods' peak use so that the eviction manager must choose among them, often more
 * than once. Drawn after everything else so that every earlier draw stays as it was; a pod whose kubelet
 * restarts stays alone (NodeScenarioValidation). Choice 0 adds nothing.
 */
final class NodeGen {
    /** The name of the i-th neighbour (from 1). */
    static final String NEIGHBOUR = "neighbour-";

    /**
     * Unset, the default 0, a user class, or system-cluster-critical, which the kubelet never evicts (E-8): the class
     * named (empty for none) and the priority written, the one the Priority admission plugin computes from it.
     */
    private static final Gen<Map.Entry<String, Integer>> PRIORITY = Gen.frequency(
            Weighted.just(3, Map.entry("", -1)), Weighted.just(1, Map.entry("", 0)),
            Weighted.of(3, Gen.elements(PriorityClasses.USER.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue()).toList())),
            Weighted.just(1, PriorityClasses.SYSTEM_CLUSTER_CRITICAL));
    private static final Gen<Long> MI = Gen.longs(16, 1024, 256);
    private static final Gen<Duration> STEP = Gen.longs(0, 60, 10).map(Duration::ofSeconds);

    private NodeGen() {}

    static Scenario add(Scenario scenario, Choices c) {
        boolean restartsKubelet = scenario.events().stream().anyMatch(RestartKubelet.class::isInstance);
        if (restartsKubelet || !c.drawBoolean(0.12)) {
            return scenario;
        }
        List<Scenario> neighbours = new ArrayList<>();
        int count = c.drawBoolean(0.5) ? 2 : 1;
        for (int i = 1; i <= count; i++) {
            neighbours.add(neighbour(NEIGHBOUR + i, c));
        }
        long peakMi = peakMi(scenario);
        for (Scenario n : neighbours) {
            peakMi += peakMi(n);
        }
        // Between 60 % and 130 % of the peak: pressure that one eviction may or may not relieve.
        long allocatableMi = Math.max(1, peakMi * Gen.integers(60, 130, 100).generate(c) / 100);
        List<WorldEvent> events = new ArrayList<>(scenario.events());
        events.add(new NodeMemoryPressure(Duration.ofSeconds(Gen.longs(0, 60, 0).generate(c)),
                Quantity.parse(allocatableMi + "Mi"), Quantity.parse("100Mi")));
        return scenario.withEvents(events).withNeighbours(neighbours);
    }

    /**
     * The neighbours of a pod put under a node condition by a later generator (PidGen, DiskGen): its own, or one or two
     * new ones when it is alone.
     */
    static List<Scenario> neighboursOrNew(Scenario scenario, Choices c) {
        List<Scenario> neighbours = new ArrayList<>(scenario.neighbours());
        if (neighbours.isEmpty()) {
            int count = c.drawBoolean(0.5) ? 2 : 1;
            for (int i = 1; i <= count; i++) {
                neighbours.add(neighbour(NEIGHBOUR + i, c));
            }
        }
        return neighbours;
    }

    static Scenario neighbour(String name, Choices c) {
        Map.Entry<String, Integer> priority = PRIORITY.generate(c);
        Container app = Container.of("app", "busybox:1.36");
        if (c.drawBoolean(0.5)) {
            Quantity request = Quantity.parse(MI.generate(c) + "Mi");
            app = app.withResources(ResourceRequirements.of(Map.of(ResourceRequirements.MEMORY, request), Map.of()));
        }
        List<MemoryUse> memory = new ArrayList<>();
        memory.add(new MemoryUse(Duration.ZERO, Quantity.parse(MI.generate(c) + "Mi")));
        if (c.drawBoolean(0.5)) {
            memory.add(new MemoryUse(STEP.generate(c).plusSeconds(1), Quantity.parse(MI.generate(c) + "Mi")));
        }
        InstanceBehaviour uses = new InstanceBehaviour(1, Duration.ZERO, null, null, null, null, null, memory, null,
                null, "", "");
        PodSpec spec = PodSpec.of(List.of(), List.of(app));
        if (priority.getValue() >= 0) {
            spec = spec.withPriority(priority.getValue());
        }
        if (!priority.getKey().isEmpty()) {
            spec = spec.withExtra(Map.of("priorityClassName", priority.getKey()));
        }
        Pod pod = Pod.of(ObjectMeta.named(name), spec);
        return new Scenario(pod, Map.of("app", ContainerBehaviour.of(uses)), List.of());
    }

    /** The most memory the pod's containers use at once, if every container's largest step came together. */
    private static long peakMi(Scenario scenario) {
        long bytes = 0;
        for (ContainerBehaviour behaviour : scenario.behaviours().values()) {
            long most = 0;
            for (InstanceBehaviour instance : behaviour.instances()) {
                for (MemoryUse step : instance.memory()) {
                    most = Math.max(most, step.bytes().longValue());
                }
            }
            bytes += most;
        }
        return bytes / (1024 * 1024);
    }
}
