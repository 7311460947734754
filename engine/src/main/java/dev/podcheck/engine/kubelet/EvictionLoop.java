package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.eviction.MemoryEviction;
import dev.podcheck.engine.eviction.MemoryPressure;
import dev.podcheck.engine.eviction.PodMemoryUse;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eviction manager's monitoring loop under a node memory condition (eviction_manager.go
 * synchronize, SEMANTICS E-3, E-4): every period, observe memory.available and evict at most
 * one pod when the hard threshold is met.
 */
final class EvictionLoop {
    private final PodWorker pod;
    /** The node's memory conditions in time order; each holds from its time until the next one. */
    private final List<NodeMemoryPressure> conditions;

    EvictionLoop(PodWorker pod, List<NodeMemoryPressure> conditions) {
        this.pod = pod;
        this.conditions = conditions.stream()
                .sorted(java.util.Comparator.comparing(NodeMemoryPressure::at)).toList();
    }

    /** The loop has run since the kubelet started: its first round after the first condition is on its period. */
    void start() {
        long from = conditions.get(0).at().toMillis();
        long period = pod.options.timing().evictionLoopPeriod().toMillis();
        pod.queue.at((from + period - 1) / period * period, this::round);
    }

    /** The condition in force now: the latest that has begun (the later one of two at the same time). */
    private NodeMemoryPressure now() {
        NodeMemoryPressure current = conditions.get(0);
        for (NodeMemoryPressure c : conditions) {
            if (c.at().toMillis() <= pod.queue.now()) {
                current = c;
            }
        }
        return current;
    }

    private void round() {
        if (pod.terminating || pod.removed) {
            return;
        }
        List<PodMemoryUse> pods = List.of(PodMemoryUse.of(pod.scenario.pod(), workingSets()));
        Optional<MemoryEviction> eviction = MemoryEviction.decide(MemoryPressure.observe(now(), pods), pods,
                pod.options.faults());
        if (eviction.isPresent()) {
            pod.termination.evict("memory", eviction.get().message(), eviction.get().disruptionTarget(),
                    eviction.get().gracePeriodSeconds());
            return;
        }
        pod.queue.at(pod.queue.now() + pod.options.timing().evictionLoopPeriod().toMillis(), this::round);
    }

    /** The working set of each running container now, from its behaviour's memory steps. */
    private Map<String, Long> workingSets() {
        Map<String, Long> out = new LinkedHashMap<>();
        long now = pod.queue.now();
        for (ContainerRecord rec : pod.byName.values()) {
            if (rec.isRunning()) {
                out.put(rec.name(), rec.current.behaviour.memoryBytesAt(Duration.ofMillis(now - rec.current.startedAt)));
            }
        }
        return out;
    }
}
