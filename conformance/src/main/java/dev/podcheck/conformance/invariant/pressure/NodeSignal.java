package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.util.List;

/**
 * A node signal the eviction manager reclaims by evicting pods one a pass (SEMANTICS E-1, NP-3, NP-6): memory.available
 * under a nodeMemoryPressure condition, pid.available under a nodePidPressure one.
 */
enum NodeSignal {
    MEMORY("memory", "memory available", NodeMemoryPressure.class) {
        @Override
        NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
            return NodeMemory.threshold(scenario, pods, at);
        }
    },
    PIDS("pids", "pid.available", NodePidPressure.class) {
        @Override
        NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
            return NodePids.threshold(scenario, pods, at);
        }
    };

    /** The resource a PodEvicted names (signalToResource). */
    final String resource;
    /** How a message names the signal. */
    final String noun;
    final Class<? extends WorldEvent> condition;

    NodeSignal(String resource, String noun, Class<? extends WorldEvent> condition) {
        this.resource = resource;
        this.noun = noun;
        this.condition = condition;
    }

    /** Whether the signal's hard threshold is met at {@code at}. */
    abstract NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at);

    /** When the scenario's first condition of this signal begins; Long.MAX_VALUE if it has none. */
    long first(Scenario scenario) {
        return scenario.events().stream().filter(condition::isInstance).mapToLong(e -> e.at().toMillis()).min()
                .orElse(Long.MAX_VALUE);
    }
}
