package dev.podcheck.conformance.invariant.localstorage;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.pressure.EmptyDirUse;
import dev.podcheck.conformance.invariant.pressure.PodOnNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * localstorage/evicts-over-limit (SEMANTICS LS-1..LS-5, NP-3): every pass checks every active pod's limits first, and passes
 * come at most the cleanup timeout (30 s) apart. So a pod that is not critical, not being stopped, and surely over a
 * limit the kubelet checks (an emptyDir's sizeLimit, the pod's sum, or a regular container's own) at every whole second for
 * {@link #DUE_MILLIS} is evicted by then. Sidecars' own limits are left out: only newer releases check them (LS-4).
 */
public final class EvictsOverLimit implements Invariant {
    /** podCleanupTimeout plus the poll that notices it, which also covers a 10 s monitoring interval. */
    static final long DUE_MILLIS = 31_000;
    static final String NOT_EVICTED = "pod %s was over its local storage limit from %d ms to %d ms (%s) and was not "
            + "evicted";

    @Override
    public String id() {
        return "localstorage/evicts-over-limit";
    }

    @Override
    public String must() {
        return "A pod whose disk use stays over a local storage limit (an emptyDir's sizeLimit, the pod's "
                + "ephemeral-storage sum or a container's own) MUST be evicted within the eviction manager's monitoring interval, or within the cleanup "
                + "timeout (30 s) of an eviction, unless it is critical or already being stopped.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go Start, synchronize, localStorageEviction, emptyDirLimitEviction, "
                + "waitForPodsCleanup; SEMANTICS LS-1..LS-5, NP-3";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.PHASE, Observation.DELETION, Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        long due = DUE_MILLIS + trial.toleranceMillis();
        for (PodOnNode pod : PodOnNode.all(trial)) {
            if (pod.critical() || pod.runs().stream().allMatch(run -> run.behaviour().disk().isEmpty())
                    && !EmptyDirUse.written(pod)) {
                continue;
            }
            for (long from : overSince(pod)) {
                long until = from + due;
                if (until >= trial.horizonMillis() || pod.stoppingBy(until)) {
                    continue;
                }
                if (overThroughout(pod, from, until)) {
                    String limits = String.join(" / ", StorageLimits.breaches(pod, from, true, false));
                    return Verdict.violated(String.format(NOT_EVICTED, pod.name(), from, until, limits));
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** The whole seconds just after each disk or volume step of each run begins: where a breach can start. */
    private static List<Long> overSince(PodOnNode pod) {
        return pod.runs().stream().flatMap(run -> Stream.concat(run.behaviour().disk().stream(),
                                run.behaviour().volumes().values().stream().flatMap(List::stream))
                        .map(step -> (run.started() + step.from().toMillis()) / 1000 * 1000 + 1000))
                .distinct().sorted().toList();
    }

    private static boolean overThroughout(PodOnNode pod, long from, long until) {
        for (long at = from; at <= until; at += 1000) {
            if (StorageLimits.breaches(pod, at, true, false).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
