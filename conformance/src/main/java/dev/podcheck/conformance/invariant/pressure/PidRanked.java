package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * pid/ranked (SEMANTICS NP-6, NP-2): at each eviction for pids, no other pod the pass surely ranked (not critical,
 * running, being stopped or not: NP-4) has a lower priority, or the same priority and surely more tasks (rankPIDPressure =
 * orderedBy(priority, process)). Pods that tie may go in either order (sort.Sort is not stable).
 */
public final class PidRanked implements Invariant {
    static final String OUT_OF_RANK = "%s (priority %d, %s tasks) was evicted for pids at %d ms while %s (priority %d, "
            + "%s tasks) ranked before it";

    @Override
    public String id() {
        return "pid/ranked";
    }

    @Override
    public String must() {
        return "A pod evicted for pids MUST be one the kubelet ranks first among the pods it may evict on the node: the "
                + "lower priority first, then the one running more tasks.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/helpers.go rankPIDPressure, priority, process; eviction_manager.go synchronize; "
                + "SEMANTICS NP-6, NP-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.PHASE, Observation.BEHAVIOURS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<PodOnNode> pods = PodOnNode.all(trial);
        for (PressureEvictions.Eviction ev : PressureEvictions.of(pods, NodeSignal.PIDS).all()) {
            PodOnNode.Use evicted = ev.pod().tasks(ev.at());
            for (PodOnNode other : pods) {
                if (other == ev.pod() || !other.candidateAt(ev.at())) {
                    continue;
                }
                PodOnNode.Use rival = other.tasks(ev.at());
                boolean before = other.priority() < ev.pod().priority()
                        || other.priority() == ev.pod().priority() && rival.low() > evicted.high();
                if (before) {
                    return Verdict.violated(String.format(OUT_OF_RANK, ev.pod().name(), ev.pod().priority(),
                            describe(evicted), ev.at(), other.name(), other.priority(), describe(rival)), ev.event());
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static String describe(PodOnNode.Use tasks) {
        return tasks.exact() ? Long.toString(tasks.low()) : tasks.low() + " to " + tasks.high();
    }
}
