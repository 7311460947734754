package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * pressure/evicts-while-lasting (SEMANTICS NP-3, E-3), pid/evicts-while-lasting for pid.available (NP-6) and
 * disk/evicts-while-lasting for the node filesystem's available bytes (NP-7): a pass
 * that evicts nobody sleeps the monitoring interval (10 s); one that evicts waits for the pod's cleanup, at most
 * podCleanupTimeout (30 s), and passes again at once. So while the threshold is surely met and some pod may surely be evicted, a pass that evicts comes within
 * {@link #DUE_MILLIS}. Judged at whole seconds, where the eviction manager's passes fall.
 */
public final class EvictsWhilePressureLasts implements Invariant {
    /** podCleanupTimeout plus the poll that notices it, which also covers a 10 s monitoring interval. */
    static final long DUE_MILLIS = 31_000;
    static final String NONE = "the node's %s stayed below its threshold from %d ms to %d ms with a pod "
            + "to evict, and no pod was evicted";

    private final NodeSignal signal;

    /** pressure/evicts-while-lasting: memory.available. */
    public EvictsWhilePressureLasts() {
        this(NodeSignal.MEMORY);
    }

    /** pid/evicts-while-lasting: pid.available (SEMANTICS NP-6). */
    static EvictsWhilePressureLasts pids() {
        return new EvictsWhilePressureLasts(NodeSignal.PIDS);
    }

    /** disk/evicts-while-lasting: nodefs.available, and imagefs.available on the same filesystem (NP-7). */
    static EvictsWhilePressureLasts disk() {
        return new EvictsWhilePressureLasts(NodeSignal.DISK);
    }

    private EvictsWhilePressureLasts(NodeSignal signal) {
        this.signal = signal;
    }

    @Override
    public String id() {
        return switch (signal) {
            case MEMORY -> "pressure/evicts-while-lasting";
            case PIDS -> "pid/evicts-while-lasting";
            case DISK -> "disk/evicts-while-lasting";
        };
    }

    @Override
    public String must() {
        return "While a node's " + signal.noun + " stays below its hard eviction threshold and a pod the kubelet may "
                + "evict runs on it, the kubelet MUST evict some pod within its monitoring interval, or within the "
                + "cleanup timeout (30 s) of its last eviction.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go Start, synchronize, waitForPodsCleanup (podCleanupTimeout 30 s); "
                + "kubelet.go evictionMonitoringPeriod 10 s; SEMANTICS NP-3, " + switch (signal) {
                    case MEMORY -> "E-3";
                    case PIDS -> "NP-6";
                    case DISK -> "NP-7";
                };
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.PHASE, Observation.DELETION, Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        long first = signal.first(trial.scenario());
        if (first == Long.MAX_VALUE) {
            return Verdict.HOLDS;
        }
        List<PodOnNode> pods = PodOnNode.all(trial);
        PressureEvictions evictions = PressureEvictions.any(pods); // a local storage eviction waits too (LS-1)
        long due = DUE_MILLIS + trial.toleranceMillis();
        long lastingSince = -1;
        for (long at = (first + 999) / 1000 * 1000; at <= trial.horizonMillis(); at += 1000) {
            if (!lasting(trial, pods, at)) {
                lastingSince = -1;
                continue;
            }
            lastingSince = lastingSince < 0 ? at : lastingSince;
            long from = Math.max(lastingSince, evictions.lastAtOrBefore(at)); // an eviction starts the wait again
            if (at - from >= due) {
                return Verdict.violated(String.format(NONE, signal.noun, from, at));
            }
        }
        return Verdict.HOLDS;
    }

    /** The threshold surely met and some pod surely among those a pass may evict. */
    private boolean lasting(Observed trial, List<PodOnNode> pods, long at) {
        return signal.threshold(trial.scenario(), pods, at) == NodeMemory.Threshold.MET
                && pods.stream().anyMatch(pod -> pod.candidateAt(at));
    }
}
