package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * memory.available on the node at an instant (SEMANTICS E-1, E-3, NP-1): the allocatable of the memory condition in
 * effect minus the working sets of every pod on the node, judged against the condition's hard threshold.
 */
public final class NodeMemory {
    /** Whether the threshold is met: surely, surely not, or not to be told from the trace at that instant. */
    public enum Threshold { MET, NOT_MET, UNSURE }

    private NodeMemory() {}

    /** "From at on, the node has allocatable ...": the latest condition that has begun, the later of two at one time. */
    public static Optional<NodeMemoryPressure> inEffect(Scenario scenario, long at) {
        return inEffect(scenario, NodeMemoryPressure.class, at);
    }

    /** The latest world event of {@code type} that has begun by {@code at}, the later of two at one time. */
    static <T extends WorldEvent> Optional<T> inEffect(Scenario scenario, Class<T> type, long at) {
        T latest = null;
        for (WorldEvent e : scenario.events()) {
            if (type.isInstance(e) && e.at().toMillis() <= at && (latest == null || e.at().compareTo(latest.at()) >= 0)) {
                latest = type.cast(e);
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The node's working set at {@code at}: every pod's, summed. */
    public static PodOnNode.Use workingSet(List<PodOnNode> pods, long at) {
        PodOnNode.Use sum = new PodOnNode.Use(0, 0);
        for (PodOnNode pod : pods) {
            sum = sum.plus(pod.memory(at));
        }
        return sum;
    }

    /** thresholdsMet with OpLessThan at {@code at}: met when available is strictly below the threshold. */
    public static Threshold threshold(Scenario scenario, List<PodOnNode> pods, long at) {
        Optional<NodeMemoryPressure> node = inEffect(scenario, at);
        if (node.isEmpty()) {
            return Threshold.NOT_MET;
        }
        PodOnNode.Use used = workingSet(pods, at);
        if (met(node.get(), used.low())) {
            return Threshold.MET;
        }
        return met(node.get(), used.high()) ? Threshold.UNSURE : Threshold.NOT_MET;
    }

    /** Available (allocatable minus {@code usedBytes}) below the threshold. */
    static boolean met(NodeMemoryPressure node, long usedBytes) {
        return node.evictionThreshold().value().compareTo(available(node, usedBytes)) > 0;
    }

    static BigDecimal available(NodeMemoryPressure node, long usedBytes) {
        return node.allocatable().value().subtract(BigDecimal.valueOf(usedBytes));
    }
}
