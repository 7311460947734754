package dev.podcheck.spec.yaml;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.scenario.WorldEvent;
import java.util.List;
import java.util.Map;

/** The content of the scenario annotation: behaviours by container name, and world events. */
record ScenarioScript(Map<String, ContainerBehaviour> containers, List<WorldEvent> events) {
    ScenarioScript {
        containers = Immutables.mapOf("a behaviour", containers);
        events = Immutables.listOf("a world event", events);
    }

    boolean isEmpty() {
        return containers.isEmpty() && events.isEmpty();
    }
}
