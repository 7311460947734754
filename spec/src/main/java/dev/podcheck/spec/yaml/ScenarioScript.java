package dev.podcheck.spec.yaml;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.scenario.WorldEvent;
import java.util.List;
import java.util.Map;

/** The content of the scenario annotation: behaviours by container name, world events, the node's images. */
record ScenarioScript(Map<String, ContainerBehaviour> containers, List<WorldEvent> events,
                      Map<String, NodeImage> images) {
    ScenarioScript {
        containers = Immutables.mapOf("a behaviour", containers);
        events = Immutables.listOf("a world event", events);
        images = Immutables.mapOf("an image", images);
    }

    boolean isEmpty() {
        return containers.isEmpty() && events.isEmpty() && images.isEmpty();
    }
}
