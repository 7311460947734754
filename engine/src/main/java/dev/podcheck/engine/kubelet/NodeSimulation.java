package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node scenario (SEMANTICS NP-1): every pod of the node has its own pod worker, all on one clock, created at 0,
 * and one eviction manager ranks them all. The scenario's own pod comes first, so at equal times its actions
 * run before its neighbours'.
 */
public final class NodeSimulation {
    private NodeSimulation() {}

    /** The scenario's pod's trace, with each neighbour's trace by name. */
    public static Trace run(Scenario defaulted, EngineOptions options) {
        EventQueue queue = new EventQueue();
        List<PodWorker> node = new ArrayList<>();
        node.add(new PodWorker(defaulted, options, queue));
        defaulted.neighbours().forEach(n -> node.add(new PodWorker(n, options, queue)));
        node.forEach(pod -> pod.begin(node));
        queue.runUntil(options.horizon().toMillis());
        Map<String, Trace> neighbours = new LinkedHashMap<>();
        node.subList(1, node.size()).forEach(pod -> neighbours.put(pod.scenario.pod().metadata().name(), pod.trace()));
        return node.get(0).trace().withNeighbours(neighbours);
    }
}
