package dev.podcheck.adapters.render;

import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.pod.Pod;
import java.util.List;
import java.util.Objects;

/**
 * A scenario rendered into a pod that acts out its behaviours.
 *
 * @param pod   the pod to submit: every container runs a script in the rendering image, probes and
 *              hooks are rewritten to follow the behaviour, the report volume is added; it carries
 *              the scenario annotation, so it describes itself
 * @param yaml  the same pod as a manifest that {@code kubectl apply -f} accepts
 * @param notes where rendering could not keep the scenario's semantics, one sentence each, naming
 *              the container; empty when the pod acts the scenario as the engine models it
 */
public record RenderedPod(Pod pod, String yaml, List<String> notes) {
    public RenderedPod {
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(yaml, "yaml");
        notes = Immutables.list(notes);
    }
}
