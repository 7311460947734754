package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * pid/only-under-pressure (SEMANTICS NP-6) and disk/only-under-pressure (NP-7), with E-8: a pod evicted for the
 * signal's resource was, at that moment, on a node whose signal (the condition's capacity less every pod's use) was
 * below its threshold, and is not critical. A run starting or ending at that very instant counts, which only makes the
 * check more lenient.
 */
public final class OnlyUnderPressure implements Invariant {
    static final String CRITICAL = "%s, of critical priority, was evicted for %s at %d ms";
    static final String NO_PRESSURE = "%s was evicted for %s at %d ms, but the node's %s was not below its "
            + "threshold (no condition in effect, or %d %s)";

    private final NodeSignal signal;

    private OnlyUnderPressure(NodeSignal signal) {
        this.signal = signal;
    }

    /** pid/only-under-pressure: pid.available = MaxPID - NumOfRunningProcesses (NP-6). */
    static OnlyUnderPressure pids() {
        return new OnlyUnderPressure(NodeSignal.PIDS);
    }

    /** disk/only-under-pressure: the node filesystem's available bytes (NP-7). */
    static OnlyUnderPressure disk() {
        return new OnlyUnderPressure(NodeSignal.DISK);
    }

    @Override
    public String id() {
        return (signal == NodeSignal.PIDS ? "pid" : "disk") + "/only-under-pressure";
    }

    @Override
    public String must() {
        return "A pod MUST be evicted for " + signal.resource + " under node pressure only when the node's "
                + signal.noun + " is below its hard eviction threshold at that moment, and never when its priority is "
                + "critical.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/helpers.go makeSignalObservations, thresholdsMet; eviction_manager.go synchronize, "
                + "evictPod; SEMANTICS " + (signal == NodeSignal.PIDS ? "NP-6" : "NP-7") + ", E-8";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PodOnNode> pods = PodOnNode.all(trial);
        for (PressureEvictions.Eviction ev : PressureEvictions.of(pods, signal).all()) {
            if (ev.pod().critical()) {
                return Verdict.violated(String.format(CRITICAL, ev.pod().name(), signal.resource, ev.at()), ev.event());
            }
            if (signal.threshold(trial.scenario(), pods, ev.at()) == NodeMemory.Threshold.NOT_MET) {
                return Verdict.violated(String.format(NO_PRESSURE, ev.pod().name(), signal.resource, ev.at(),
                        signal.noun, signal.used(pods, ev.at()).high(), signal.unit), ev.event());
            }
        }
        return Verdict.HOLDS;
    }
}
