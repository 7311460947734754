package dev.podcheck.spec.generate;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.ProcessCount;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PID pressure (SEMANTICS NP-6): one container of the pod and of each neighbour (one or two are added when the pod is
 * alone) runs a number of tasks from some time after it starts, and the node gets a PID condition whose maxPids is
 * drawn around the pods' peak, with a threshold of 1,000, so that the eviction manager must choose among them by
 * priority and tasks. Drawn after everything else so that every earlier draw stays as it was; a pod whose kubelet
 * restarts stays alone (NodeScenarioValidation). Choice 0 adds nothing.
 */
final class PidGen {
    static final long THRESHOLD = 1_000;
    private static final Gen<Long> TASKS = Gen.longs(1, 5_000, 100);
    private static final Gen<Duration> FROM = Gen.longs(0, 30, 0).map(Duration::ofSeconds);

    private PidGen() {}

    static Scenario add(Scenario scenario, Choices c) {
        boolean restartsKubelet = scenario.events().stream().anyMatch(RestartKubelet.class::isInstance);
        if (restartsKubelet || !c.drawBoolean(0.12)) {
            return scenario;
        }
        List<Scenario> neighbours = NodeGen.neighboursOrNew(scenario, c);
        long[] peak = {0};
        Scenario pod = withTasks(scenario, c, peak);
        neighbours.replaceAll(n -> withTasks(n, c, peak));
        // maxPids between 60 % and 130 % of the peak above the threshold: one eviction may or may not relieve it
        long maxPids = THRESHOLD + Math.max(1, peak[0] * Gen.integers(60, 130, 100).generate(c) / 100);
        List<WorldEvent> events = new ArrayList<>(pod.events());
        events.add(new NodePidPressure(Duration.ofSeconds(Gen.longs(0, 60, 0).generate(c)), maxPids, THRESHOLD));
        return pod.withEvents(events).withNeighbours(neighbours);
    }

    /** One regular container of {@code scenario}'s pod runs drawn tasks in every instance; {@code peak} adds them. */
    private static Scenario withTasks(Scenario scenario, Choices c, long[] peak) {
        List<Container> containers = scenario.pod().spec().containers();
        Container runner = containers.get(Gen.integers(0, containers.size() - 1, 0).generate(c));
        long tasks = TASKS.generate(c);
        peak[0] += tasks;
        List<ProcessCount> steps = List.of(new ProcessCount(FROM.generate(c), tasks));
        List<InstanceBehaviour> instances = scenario.behaviour(runner.name()).instances().stream()
                .map(instance -> instance.withProcesses(steps)).toList();
        Map<String, ContainerBehaviour> behaviours = new LinkedHashMap<>(scenario.behaviours());
        behaviours.put(runner.name(), new ContainerBehaviour(instances));
        return scenario.withBehaviours(behaviours);
    }
}
