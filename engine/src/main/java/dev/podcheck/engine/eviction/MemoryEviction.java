package dev.podcheck.engine.eviction;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.trace.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One loop of the eviction manager for a hard memory.available threshold: the pod it evicts and
 * what it writes (eviction_manager.go synchronize, evictPod). The pod's status becomes phase
 * Failed, reason {@link EvictionMessages#REASON}, with {@code message}; it is killed with
 * {@code gracePeriodSeconds}.
 */
public record MemoryEviction(PodMemoryUse pod, String message, PodCondition disruptionTarget,
        long gracePeriodSeconds) {

    public MemoryEviction {
        if (pod == null || message == null || disruptionTarget == null) {
            throw new IllegalArgumentException("an eviction needs a pod, a message and a condition");
        }
    }

    /**
     * The eviction this loop makes, or empty: when the threshold is not met, or when every
     * active pod is critical. Memory has no node-level reclaim, so a met threshold goes straight
     * to ranking (SEMANTICS E-4).
     */
    public static Optional<MemoryEviction> decide(MemoryPressure pressure, List<PodMemoryUse> activePods) {
        return decide(pressure, activePods, Set.of());
    }

    /** {@link #decide(MemoryPressure, List)} with deliberate deviations for podcheck's self-check. */
    public static Optional<MemoryEviction> decide(MemoryPressure pressure, List<PodMemoryUse> activePods,
                                                  Set<Fault> faults) {
        if (!pressure.thresholdMet() && !faults.contains(Fault.EVICTS_WITHOUT_PRESSURE)) {
            return Optional.empty();
        }
        Optional<PodMemoryUse> chosen = faults.contains(Fault.EVICTION_RANKING_REVERSED)
                ? EvictionRanking.chooseLast(activePods) : EvictionRanking.choose(activePods);
        return chosen.map(pod -> {
            String message = EvictionMessages.memoryPressure(pressure, pod);
            return new MemoryEviction(pod, message, EvictionMessages.disruptionTarget(message),
                    EvictionGracePeriod.override(true, 0, null));
        });
    }
}
