package dev.podcheck.conformance.invariant.finalizer;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.FinalizersRemoved;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import java.util.List;
import java.util.Set;

/**
 * finalizer/holds-removal (SEMANTICS FZ-2): what must never happen. No DELETE removes an object
 * with finalizers, whatever its grace (force included) and whoever sends it (a client, the kubelet).
 */
public final class HoldsRemoval implements Invariant {
    static final String MESSAGE = "the pod was removed at %d ms while its finalizers %s were still set";

    @Override
    public String id() {
        return "finalizer/holds-removal";
    }

    @Override
    public String must() {
        return "A pod with metadata.finalizers MUST NOT be removed from the API before its last finalizer is removed.";
    }

    @Override
    public String source() {
        return "staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go Delete; "
                + "test/e2e_node/deleted_pods_test.go; SEMANTICS FZ-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.DELETION, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<String> finalizers = trial.scenario().pod().metadata().finalizers();
        if (finalizers.isEmpty()) {
            return Verdict.HOLDS;
        }
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof FinalizersRemoved) {
                return Verdict.HOLDS;
            }
            if (e instanceof PodRemoved removed) {
                return Verdict.violated(String.format(MESSAGE, removed.at(), finalizers), removed);
            }
        }
        return Verdict.HOLDS;
    }
}
