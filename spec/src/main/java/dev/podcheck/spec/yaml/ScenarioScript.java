package dev.podcheck.spec.yaml;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.scenario.WorldEvent;
import java.util.List;
import java.util.Map;

/**
 * The content of the scenario annotation: behaviours by container name, world events, the node's images, and
 * the names of the pods that share the node (SEMANTICS NP-1): the documents right after this one, in this order.
 */
record ScenarioScript(Map<String, ContainerBehaviour> containers, List<WorldEvent> events,
                      Map<String, NodeImage> images, List<String> neighbours) {
    ScenarioScript {
        containers = Immutables.mapOf("a behaviour", containers);
        events = Immutables.listOf("a world event", events);
        images = Immutables.mapOf("an image", images);
        neighbours = Immutables.listOf("a neighbour's name", neighbours);
    }

    boolean isEmpty() {
        return containers.isEmpty() && events.isEmpty() && images.isEmpty() && neighbours.isEmpty();
    }
}
