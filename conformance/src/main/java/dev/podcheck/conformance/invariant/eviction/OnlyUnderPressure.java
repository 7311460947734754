package dev.podcheck.conformance.invariant.eviction;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.pressure.NodeMemory;
import dev.podcheck.conformance.invariant.pressure.PodOnNode;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * eviction/only-under-pressure (SEMANTICS E-3, E-8, NP-1). memory.available is the node's allocatable
 * minus the working sets of the processes alive at that moment on every pod of the node, read from the
 * behaviours' memory steps ({@link NodeMemory}). A process counts from its Started event until a status shows it
 * terminated or its behaviour made it exit; one that starts or ends at the very instant counts, which only makes
 * the check more lenient.
 */
public final class OnlyUnderPressure implements Invariant {
    static final int SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
    /** The resource of a memory eviction; local storage limit evictions are group localstorage's (LS-1). */
    static final String MEMORY = "memory";
    static final String CRITICAL = "the pod, of critical priority %d, was evicted at %d ms";
    static final String NO_NODE = "the pod was evicted at %d ms with no node memory condition in effect";
    static final String NO_PRESSURE = "the pod was evicted at %d ms with %s bytes available, not below the "
            + "threshold of %s bytes";

    @Override
    public String id() {
        return "eviction/only-under-pressure";
    }

    @Override
    public String must() {
        return "A pod MUST be evicted for memory only when the node's memory available is below the eviction "
                + "threshold at that moment, and never when its priority is critical.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go synchronize, evictPod; helpers.go thresholdsMet; "
                + "pkg/kubelet/types IsCriticalPod; SEMANTICS E-3, E-8";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        Scenario scenario = trial.scenario();
        Integer priority = scenario.pod().spec().priority();
        List<PodOnNode> pods = null;
        for (PodEvicted ev : trial.trace().all(PodEvicted.class).filter(e -> e.resource().equals(MEMORY)).toList()) {
            if (priority != null && priority >= SYSTEM_CRITICAL_PRIORITY) {
                return Verdict.violated(String.format(CRITICAL, priority, ev.at()), ev);
            }
            Optional<NodeMemoryPressure> node = NodeMemory.inEffect(scenario, ev.at());
            if (node.isEmpty()) {
                return Verdict.violated(String.format(NO_NODE, ev.at()), ev);
            }
            pods = pods == null ? PodOnNode.all(trial) : pods;
            if (NodeMemory.threshold(scenario, pods, ev.at()) == NodeMemory.Threshold.NOT_MET) {
                BigDecimal available = node.get().allocatable().value()
                        .subtract(BigDecimal.valueOf(NodeMemory.workingSet(pods, ev.at()).high()));
                return Verdict.violated(String.format(NO_PRESSURE, ev.at(), available.toPlainString(),
                        node.get().evictionThreshold().value().toPlainString()), ev);
            }
        }
        return Verdict.HOLDS;
    }
}
