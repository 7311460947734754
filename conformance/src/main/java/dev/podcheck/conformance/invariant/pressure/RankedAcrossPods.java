package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Quantity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * pressure/ranked (SEMANTICS NP-2, E-5, NP-4): at each memory-pressure eviction, no other pod the pass surely ranked
 * (not critical, running, being stopped or not, its working set exact at that instant) may come before the evicted one in
 * rankMemoryPressure's order. Pods that tie on every key may go in either order (sort.Sort is not stable).
 */
public final class RankedAcrossPods implements Invariant {
    static final String OUT_OF_RANK = "%s was evicted for memory at %d ms (%s) while %s ranked before it (%s)";

    /** rankMemoryPressure at one instant: exceeding its request first, then lower priority, then more above request. */
    record Rank(PodOnNode pod, long usage) {
        static final Comparator<Rank> ORDER = Comparator.comparing((Rank r) -> !r.exceeds())
                .thenComparingInt(r -> r.pod().priority())
                .thenComparing(Rank::aboveRequest, Comparator.reverseOrder());

        boolean exceeds() {
            return Quantity.bytes(usage).compareTo(pod.request()) > 0;
        }

        Quantity aboveRequest() {
            return Quantity.bytes(usage).minus(pod.request());
        }

        String describe() {
            return (exceeds() ? "above" : "within") + " its memory request, priority " + pod.priority() + ", "
                    + aboveRequest() + " above its request";
        }
    }

    @Override
    public String id() {
        return "pressure/ranked";
    }

    @Override
    public String must() {
        return "A pod evicted for node memory pressure MUST be one the kubelet ranks first among the pods it may evict "
                + "on the node: a pod using more memory than it requests before one that does not, then the lower "
                + "priority, then the larger use above its request.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/helpers.go rankMemoryPressure, exceedMemoryRequests, priority, memory; "
                + "eviction_manager.go synchronize; kubelet_pods.go filterOutInactivePods; SEMANTICS NP-2, E-5, NP-4";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.PHASE, Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PodOnNode> pods = PodOnNode.all(trial);
        if (pods.size() < 2) {
            return Verdict.HOLDS; // a pod alone on its node has nobody to be ranked against
        }
        for (PressureEvictions.Eviction eviction : PressureEvictions.of(pods).all()) {
            Optional<Rank> evicted = exact(eviction.pod(), eviction.at());
            if (evicted.isEmpty()) {
                continue;
            }
            for (PodOnNode other : pods) {
                if (other == eviction.pod() || !other.candidateAt(eviction.at())) {
                    continue;
                }
                Optional<Rank> rival = exact(other, eviction.at());
                if (rival.isPresent() && Rank.ORDER.compare(rival.get(), evicted.get()) < 0) {
                    return Verdict.violated(String.format(OUT_OF_RANK, eviction.pod().name(), eviction.at(),
                            evicted.get().describe(), other.name(), rival.get().describe()), eviction.event());
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static Optional<Rank> exact(PodOnNode pod, long at) {
        PodOnNode.Use memory = pod.memory(at);
        return memory.exact() ? Optional.of(new Rank(pod, memory.low())) : Optional.empty();
    }
}
