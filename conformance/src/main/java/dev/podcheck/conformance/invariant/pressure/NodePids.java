package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * pid.available on the node at an instant (SEMANTICS E-1, NP-6): the maxPids of the PID condition in effect minus the
 * tasks of every pod on the node, judged against the condition's hard threshold.
 */
public final class NodePids {
    private NodePids() {}

    public static Optional<NodePidPressure> inEffect(Scenario scenario, long at) {
        return NodeMemory.inEffect(scenario, NodePidPressure.class, at);
    }

    /** The node's tasks at {@code at}: every pod's, summed. */
    public static PodOnNode.Use tasks(List<PodOnNode> pods, long at) {
        PodOnNode.Use sum = new PodOnNode.Use(0, 0);
        for (PodOnNode pod : pods) {
            sum = sum.plus(pod.tasks(at));
        }
        return sum;
    }

    /** thresholdsMet with OpLessThan at {@code at}: met when maxPids less the tasks is below the threshold. */
    public static NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
        Optional<NodePidPressure> node = inEffect(scenario, at);
        if (node.isEmpty()) {
            return NodeMemory.Threshold.NOT_MET;
        }
        PodOnNode.Use used = tasks(pods, at);
        if (met(node.get(), used.low())) {
            return NodeMemory.Threshold.MET;
        }
        return met(node.get(), used.high()) ? NodeMemory.Threshold.UNSURE : NodeMemory.Threshold.NOT_MET;
    }

    static boolean met(NodePidPressure node, long tasks) {
        return node.evictionThreshold() > node.maxPids() - tasks;
    }
}
