package dev.podcheck.engine.kubelet;

import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.WorldEvent;

/** Puts the scenario's world events on the timeline. */
final class WorldEvents {
    private final PodWorker pod;

    WorldEvents(PodWorker pod) {
        this.pod = pod;
    }

    void schedule() {
        for (WorldEvent event : pod.scenario.events()) {
            long at = event.at().toMillis();
            if (event instanceof DeletePod delete) {
                pod.queue.at(at, () -> pod.termination.delete(delete));
            } else if (event instanceof NodeMemoryPressure pressure) {
                new EvictionLoop(pod, pressure).start(at);
            }
        }
    }
}
