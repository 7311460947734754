package dev.podcheck.conformance.invariant.localstorage;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.pressure.NodeSignal;
import dev.podcheck.conformance.invariant.pressure.PodOnNode;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import java.util.List;
import java.util.Set;

/**
 * localstorage/only-over-limit (SEMANTICS LS-1..LS-5, E-8): a pod evicted for local storage is, at that moment, over
 * the limit its message names. Judged with every run that may be alive then (one starting or stopping at that very
 * instant too), and with sidecars' own limits, which newer releases check (LS-4), so the check errs only on leniency.
 */
public final class OnlyOverLimit implements Invariant {
    static final String CRITICAL = "pod %s, of critical priority, was evicted for local storage at %d ms";
    static final String NOT_OVER = "pod %s was evicted at %d ms with \"%s\", but its disk use was over %s";

    @Override
    public String id() {
        return "localstorage/only-over-limit";
    }

    @Override
    public String must() {
        return "A pod MUST be evicted for local ephemeral storage only when, at that moment, its disk use exceeds the "
                + "limit its message names (an emptyDir's sizeLimit, the pod's sum or a container's own), and never when "
                + "it is critical.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go localStorageEviction, emptyDirLimitEviction, "
                + "podEphemeralStorageLimitEviction, containerEphemeralStorageLimitEviction, evictPod; "
                + "SEMANTICS LS-1..LS-5, E-8";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.KUBELET_EVENTS, Observation.CONTAINER_STATUSES,
                Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        for (PodOnNode pod : PodOnNode.all(trial)) {
            for (PodEvicted ev : pod.trace().all(PodEvicted.class)
                    .filter(e -> e.resource().equals(ResourceRequirements.EPHEMERAL_STORAGE)
                            && !NodeSignal.DISK.took(e)).toList()) { // disk pressure's are judged by group disk
                if (pod.critical()) {
                    return Verdict.violated(String.format(CRITICAL, pod.name(), ev.at()), ev);
                }
                List<String> breaches = StorageLimits.breaches(pod, ev.at(), false, true);
                if (!breaches.contains(ev.message())) {
                    String over = breaches.isEmpty() ? "none of its limits" : String.join(" / ", breaches);
                    return Verdict.violated(String.format(NOT_OVER, pod.name(), ev.at(), ev.message(), over), ev);
                }
            }
        }
        return Verdict.HOLDS;
    }
}
