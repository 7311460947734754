package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * restart/count-monotone (SEMANTICS INV-8, R-9, R-10): each new instance counts one more than the
 * one before, and the kubelet never resets the count during the pod's life.
 */
public final class CountMonotone implements Invariant {
    static final String MESSAGE = "restartCount of %s went down from %d to %d at %d ms";

    @Override
    public String id() {
        return "restart/count-monotone";
    }

    @Override
    public String must() {
        return "The restartCount of a container MUST never decrease during the pod's life.";
    }

    @Override
    public String source() {
        return "kuberuntime_container.go startContainer (restartCount annotation), kubelet_pods.go; SEMANTICS INV-8, R-9, R-10";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Map<String, ContainerStatusChanged> last = new HashMap<>();
        for (ContainerStatusChanged e : trial.index().all(ContainerStatusChanged.class)) {
            ContainerStatusChanged before = last.put(e.status().name(), e);
            if (before != null && e.status().restartCount() < before.status().restartCount()) {
                return Verdict.violated(String.format(MESSAGE, e.status().name(), before.status().restartCount(),
                        e.status().restartCount(), e.at()), before, e);
            }
        }
        return Verdict.HOLDS;
    }
}
