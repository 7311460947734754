package dev.podcheck.engine.kubelet;

import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.LoseSandbox;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.PatchCondition;
import dev.podcheck.spec.scenario.RemoveFinalizers;
import dev.podcheck.spec.scenario.RestartKubelet;
import dev.podcheck.spec.scenario.UpdatePod;
import dev.podcheck.spec.scenario.WorldEvent;
import java.util.ArrayList;
import java.util.List;

/** Puts the scenario's world events on the timeline. */
final class WorldEvents {
    private final PodWorker pod;

    WorldEvents(PodWorker pod) {
        this.pod = pod;
    }

    /**
     * The pod's events on the timeline; node pressure, or a local storage limit on the node, starts the eviction
     * manager over the node's pods.
     */
    void schedule(List<PodWorker> node) {
        List<NodeMemoryPressure> pressures = new ArrayList<>();
        List<NodePidPressure> pidPressures = new ArrayList<>();
        List<NodeDiskPressure> diskPressures = new ArrayList<>();
        for (WorldEvent event : pod.scenario.events()) {
            if (event instanceof DeletePod delete) {
                pod.queue.at(event.at().toMillis(), () -> pod.termination.delete(delete));
            } else if (event instanceof NodeMemoryPressure pressure) {
                pressures.add(pressure);
            } else if (event instanceof NodePidPressure pressure) {
                pidPressures.add(pressure);
            } else if (event instanceof NodeDiskPressure pressure) {
                diskPressures.add(pressure);
            } else if (event instanceof RemoveFinalizers) {
                pod.queue.at(event.at().toMillis(), pod.termination::removeFinalizers);
            } else if (event instanceof PatchCondition patch) {
                pod.queue.at(event.at().toMillis(), () -> pod.patchCondition(patch));
            } else if (event instanceof UpdatePod update) {
                pod.queue.at(event.at().toMillis(), () -> pod.updates.update(update));
            } else if (event instanceof RestartKubelet) {
                pod.queue.at(event.at().toMillis(), pod.kubeletRestart::restart);
            } else if (event instanceof LoseSandbox) {
                pod.queue.at(event.at().toMillis(), pod.sandbox::lose);
            }
        }
        if (!pressures.isEmpty() || !pidPressures.isEmpty() || !diskPressures.isEmpty()
                || node.get(0) == pod && EvictionLoop.watchesLocalStorage(node)) {
            new EvictionLoop(node, pressures, pidPressures, diskPressures).start();
        }
    }
}
