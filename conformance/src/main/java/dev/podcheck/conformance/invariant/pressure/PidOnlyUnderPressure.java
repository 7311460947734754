package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * pid/only-under-pressure (SEMANTICS NP-6, E-8): a pod evicted for pids was, at that moment, on a node whose
 * pid.available (the PID condition's maxPids less every pod's tasks, NodePids) was below the threshold, and is not
 * critical. A run starting or ending at that very instant counts, which only makes the check more lenient.
 */
public final class PidOnlyUnderPressure implements Invariant {
    static final String CRITICAL = "%s, of critical priority, was evicted for pids at %d ms";
    static final String NO_PRESSURE = "%s was evicted for pids at %d ms, but the node's pid.available was not below its "
            + "threshold (no nodePidPressure in effect, or %d tasks running)";

    @Override
    public String id() {
        return "pid/only-under-pressure";
    }

    @Override
    public String must() {
        return "A pod MUST be evicted for pids only when the node's pid.available is below its hard eviction threshold "
                + "at that moment, and never when its priority is critical.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/helpers.go makeSignalObservations (pid.available = MaxPID - "
                + "NumOfRunningProcesses), thresholdsMet; eviction_manager.go synchronize, evictPod; SEMANTICS NP-6, E-8";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PodOnNode> pods = PodOnNode.all(trial);
        for (PressureEvictions.Eviction ev : PressureEvictions.of(pods, NodeSignal.PIDS).all()) {
            if (ev.pod().critical()) {
                return Verdict.violated(String.format(CRITICAL, ev.pod().name(), ev.at()), ev.event());
            }
            if (NodePids.threshold(trial.scenario(), pods, ev.at()) == NodeMemory.Threshold.NOT_MET) {
                return Verdict.violated(String.format(NO_PRESSURE, ev.pod().name(), ev.at(),
                        NodePids.tasks(pods, ev.at()).high()), ev.event());
            }
        }
        return Verdict.HOLDS;
    }
}
