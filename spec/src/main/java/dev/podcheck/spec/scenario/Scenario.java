package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.pod.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod as a user writes it, what each of its containers does, and what the world does to it.
 * In files the behaviours and events live in the pod's {@value #ANNOTATION} annotation, so a
 * scenario is one manifest that {@code kubectl apply} accepts; here the pod is kept without it.
 *
 * @param images how the node's images behave, by image as the containers name it (SEMANTICS IP-3)
 * @param neighbours the other pods on the pod's node, each with its behaviours (SEMANTICS NP-1): with any, this
 *     is a node scenario, whose node-wide world events (node pressure) are this scenario's and reach every pod;
 *     a neighbour has no world events and no neighbours of its own
 */
public record Scenario(Pod pod, Map<String, ContainerBehaviour> behaviours, List<WorldEvent> events,
                       Map<String, NodeImage> images, List<Scenario> neighbours) {

    /** The annotation that carries behaviours and world events in a manifest. */
    public static final String ANNOTATION = "podcheck.dev/scenario";

    public Scenario {
        if (pod == null) {
            throw new IllegalArgumentException("a scenario needs a pod");
        }
        if (pod.metadata().annotations().containsKey(ANNOTATION)) {
            throw new IllegalArgumentException("the pod must not carry " + ANNOTATION + " itself");
        }
        behaviours = Immutables.mapOf("a behaviour", behaviours);
        events = Immutables.listOf("a world event", events);
        images = Immutables.mapOf("an image", images);
        neighbours = neighbours == null ? List.of() : Immutables.listOf("a neighbour", neighbours);
        for (Scenario neighbour : neighbours) {
            if (!neighbour.events().isEmpty() || !neighbour.neighbours().isEmpty()) {
                throw new IllegalArgumentException("a neighbour on the node has no world events and no neighbours"
                        + " of its own: the node scenario's events are its first pod's");
            }
        }
    }

    /** A pod alone on its node. */
    public Scenario(Pod pod, Map<String, ContainerBehaviour> behaviours, List<WorldEvent> events,
                    Map<String, NodeImage> images) {
        this(pod, behaviours, events, images, List.of());
    }

    /** Every image present, its pulls not acted. */
    public Scenario(Pod pod, Map<String, ContainerBehaviour> behaviours, List<WorldEvent> events) {
        this(pod, behaviours, events, Map.of());
    }

    public static Scenario of(Pod pod) {
        return new Scenario(pod, Map.of(), List.of());
    }

    /** How {@code image} behaves on the node; empty when the scenario leaves it present and its pulls unacted. */
    public Optional<NodeImage> image(String image) {
        return Optional.ofNullable(images.get(image));
    }

    /**
     * The behaviour of the named container. Without one, a regular init container exits 0 soon
     * after it starts and every other container runs until stopped, healthy, stopping on SIGTERM,
     * so any real manifest can be simulated.
     */
    public ContainerBehaviour behaviour(String containerName) {
        ContainerBehaviour given = behaviours.get(containerName);
        if (given != null) {
            return given;
        }
        boolean regularInit = pod.spec().initContainers().stream()
                .anyMatch(c -> c.name().equals(containerName) && !c.isSidecar());
        return regularInit ? ContainerBehaviour.INIT_DEFAULT : ContainerBehaviour.DEFAULT;
    }

    /** Whether other pods share the node: a node scenario (SEMANTICS NP-1). */
    public boolean isNodeScenario() {
        return !neighbours.isEmpty();
    }

    public Scenario withPod(Pod newPod) {
        return new Scenario(newPod, behaviours, events, images, neighbours);
    }

    public Scenario withBehaviours(Map<String, ContainerBehaviour> value) {
        return new Scenario(pod, value, events, images, neighbours);
    }

    public Scenario withEvents(List<WorldEvent> value) {
        return new Scenario(pod, behaviours, value, images, neighbours);
    }

    public Scenario withImages(Map<String, NodeImage> value) {
        return new Scenario(pod, behaviours, events, value, neighbours);
    }

    public Scenario withNeighbours(List<Scenario> value) {
        return new Scenario(pod, behaviours, events, images, value);
    }
}
