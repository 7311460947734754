package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import java.util.List;

/**
 * A node signal the eviction manager reclaims by evicting pods one a pass (SEMANTICS E-1, NP-3, NP-6, NP-7):
 * memory.available under a nodeMemoryPressure condition, pid.available under a nodePidPressure one, the node
 * filesystem's nodefs.available (and imagefs.available, the same filesystem) under a nodeDiskPressure one.
 */
public enum NodeSignal {
    MEMORY("memory", "memory available", "bytes of working set", NodeMemoryPressure.class) {
        @Override
        NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
            return NodeMemory.threshold(scenario, pods, at);
        }

        @Override
        PodOnNode.Use used(List<PodOnNode> pods, long at) {
            return NodeMemory.workingSet(pods, at);
        }
    },
    PIDS("pids", "pid.available", "tasks running", NodePidPressure.class) {
        @Override
        NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
            return NodePids.threshold(scenario, pods, at);
        }

        @Override
        PodOnNode.Use used(List<PodOnNode> pods, long at) {
            return NodePids.tasks(pods, at);
        }
    },
    DISK(ResourceRequirements.EPHEMERAL_STORAGE, "nodefs.available", "bytes written", NodeDiskPressure.class) {
        @Override
        NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
            return NodeDisk.threshold(scenario, pods, at);
        }

        @Override
        PodOnNode.Use used(List<PodOnNode> pods, long at) {
            return NodeDisk.bytes(pods, at);
        }
    };

    /**
     * helpers.go nodeLowMessageFmt's start: a pressure eviction's message, which tells a disk-pressure eviction from a
     * local storage limit's (LS-1), both for ephemeral-storage.
     */
    public static final String NODE_LOW = "The node was low on resource: ";

    /** The resource a PodEvicted names (signalToResource). */
    final String resource;
    /** How a message names the signal. */
    final String noun;
    /** How a message names the pods' use of it. */
    final String unit;
    final Class<? extends WorldEvent> condition;

    NodeSignal(String resource, String noun, String unit, Class<? extends WorldEvent> condition) {
        this.resource = resource;
        this.noun = noun;
        this.unit = unit;
        this.condition = condition;
    }

    /** Whether the signal's hard threshold is met at {@code at}. */
    abstract NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at);

    /** The node's pods' use of the signal's resource at {@code at}. */
    abstract PodOnNode.Use used(List<PodOnNode> pods, long at);

    /** Whether {@code eviction} was this signal's: its resource, and for a pressure's, the node sentence. */
    public boolean took(PodEvicted eviction) {
        return eviction.resource().equals(resource) && eviction.message().startsWith(NODE_LOW);
    }

    /** When the scenario's first condition of this signal begins; Long.MAX_VALUE if it has none. */
    long first(Scenario scenario) {
        return scenario.events().stream().filter(condition::isInstance).mapToLong(e -> e.at().toMillis()).min()
                .orElse(Long.MAX_VALUE);
    }
}
