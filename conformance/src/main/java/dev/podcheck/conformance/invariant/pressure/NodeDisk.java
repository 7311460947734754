package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * The node filesystem's available bytes at an instant (SEMANTICS NP-7): the available of the disk condition in effect
 * less every pod's disk use, judged against the condition's thresholds (nodefs.available's, and imagefs.available's
 * on the same filesystem when the kubelet's defaults hold).
 */
final class NodeDisk {
    private NodeDisk() {}

    static Optional<NodeDiskPressure> inEffect(Scenario scenario, long at) {
        return NodeMemory.inEffect(scenario, NodeDiskPressure.class, at);
    }

    /** The node's disk use at {@code at}: every pod's, summed. */
    static PodOnNode.Use bytes(List<PodOnNode> pods, long at) {
        PodOnNode.Use sum = new PodOnNode.Use(0, 0);
        for (PodOnNode pod : pods) {
            sum = sum.plus(pod.disk(at));
        }
        return sum;
    }

    /** thresholdsMet with OpLessThan at {@code at}: met when some threshold is above what the pods leave free. */
    static NodeMemory.Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
        Optional<NodeDiskPressure> node = inEffect(scenario, at);
        if (node.isEmpty()) {
            return NodeMemory.Threshold.NOT_MET;
        }
        PodOnNode.Use used = bytes(pods, at);
        if (node.get().thresholdMet(used.low()).isPresent()) {
            return NodeMemory.Threshold.MET;
        }
        return node.get().thresholdMet(used.high()).isPresent() ? NodeMemory.Threshold.UNSURE
                : NodeMemory.Threshold.NOT_MET;
    }
}
