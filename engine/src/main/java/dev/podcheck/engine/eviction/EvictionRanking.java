package dev.podcheck.engine.eviction;

import dev.podcheck.spec.pod.Quantity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * pkg/kubelet/eviction/helpers.go rankMemoryPressure:
 * {@code orderedBy(exceedMemoryRequests(stats), priority, memory(stats)).Sort(pods)}.
 * The QoS class is not a key (SEMANTICS E-5); it only shows through requests.
 */
public final class EvictionRanking {

    /** exceedMemoryRequests: pods without stats first, then pods using more than they request. */
    static final Comparator<PodMemoryUse> EXCEEDS_REQUESTS = (p1, p2) -> {
        if (!p1.hasStats() || !p2.hasStats()) {
            return cmpBool(!p1.hasStats(), !p2.hasStats());
        }
        return cmpBool(p1.exceedsRequest(), p2.exceedsRequest());
    };

    /** priority: lower spec.priority first (an unset priority counts as 0). */
    static final Comparator<PodMemoryUse> PRIORITY = Comparator.comparingInt(PodMemoryUse::priority);

    /** memory: pods without stats first, then the larger usage above request first. */
    static final Comparator<PodMemoryUse> MEMORY = (p1, p2) -> {
        if (!p1.hasStats() || !p2.hasStats()) {
            return cmpBool(!p1.hasStats(), !p2.hasStats());
        }
        Quantity above1 = p1.usageAboveRequest().orElseThrow();
        Quantity above2 = p2.usageAboveRequest().orElseThrow();
        return above2.compareTo(above1);
    };

    /** multiSorter.Less: each key decides unless it ties; the last one decides. */
    static final Comparator<PodMemoryUse> MEMORY_PRESSURE =
            EXCEEDS_REQUESTS.thenComparing(PRIORITY).thenComparing(MEMORY);

    private EvictionRanking() {}

    /**
     * The pods in eviction order, first to go first. Pods that tie on every key keep their input
     * order: the kubelet's sort.Sort is not stable, so it promises no order among them, and we
     * pick the one that makes a run reproducible.
     */
    public static List<PodMemoryUse> rankForMemory(List<PodMemoryUse> pods) {
        List<PodMemoryUse> ranked = new ArrayList<>(pods);
        ranked.sort(MEMORY_PRESSURE);
        return List.copyOf(ranked);
    }

    /**
     * The one pod to evict this loop: the first in rank order that is not critical
     * (eviction_manager.go synchronize, "we kill at most a single pod during each eviction
     * interval"; evictPod refuses critical pods and the loop moves on). Empty when every pod is
     * critical or there are none.
     */
    public static Optional<PodMemoryUse> choose(List<PodMemoryUse> pods) {
        return rankForMemory(pods).stream().filter(pod -> !pod.critical()).findFirst();
    }

    /** The last pod in rank order that is not critical: the self-check's reversed ranking. */
    static Optional<PodMemoryUse> chooseLast(List<PodMemoryUse> pods) {
        List<PodMemoryUse> ranked = rankForMemory(pods);
        for (int i = ranked.size() - 1; i >= 0; i--) {
            if (!ranked.get(i).critical()) {
                return Optional.of(ranked.get(i));
            }
        }
        return Optional.empty();
    }

    /** helpers.go cmpBool: true before false. */
    private static int cmpBool(boolean a, boolean b) {
        if (a == b) {
            return 0;
        }
        return a ? -1 : 1;
    }
}
