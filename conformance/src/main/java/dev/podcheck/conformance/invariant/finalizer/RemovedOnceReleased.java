package dev.podcheck.conformance.invariant.finalizer;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.FinalizersRemoved;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import java.util.Set;

/**
 * finalizer/removed-once-released (SEMANTICS FZ-3, T-1, T-4): what must happen, and by when. Once
 * a deleted pod is terminal and has no finalizer left, the last of three things removes it at
 * once: the DELETE (grace 0 for a terminal pod), the kubelet's final DELETE when it turned terminal,
 * or the update that removed the last finalizer (store.go ShouldDeleteDuringUpdate).
 */
public final class RemovedOnceReleased implements Invariant {
    static final String LATE = "the pod, deleted at %d ms, terminal at %d ms, its finalizers removed at %d ms, "
            + "was still there at %s";

    @Override
    public String id() {
        return "finalizer/removed-once-released";
    }

    @Override
    public String must() {
        return "A deleted pod whose finalizers were removed MUST be removed from the API as soon as it is deleted, "
                + "terminal and without finalizers, whichever of the three comes last.";
    }

    @Override
    public String source() {
        return "staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go ShouldDeleteDuringUpdate; "
                + "pkg/kubelet/status/status_manager.go canBeDeleted; SEMANTICS FZ-3, T-1, T-4";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.DELETION, Observation.PHASE, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        if (trial.scenario().pod().metadata().finalizers().isEmpty()) {
            return Verdict.HOLDS;
        }
        DeletionRequested deleted = null;
        PodPhaseChanged terminal = null;
        FinalizersRemoved released = null;
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof DeletionRequested d && deleted == null) {
                deleted = d;
            } else if (e instanceof PodPhaseChanged p && p.phase().isTerminal() && terminal == null) {
                terminal = p;
            } else if (e instanceof FinalizersRemoved f) {
                released = f;
            } else if (e instanceof PodRemoved removed) {
                return judge(trial, deleted, terminal, released, removed);
            }
        }
        return judge(trial, deleted, terminal, released, null);
    }

    private static Verdict judge(Observed trial, DeletionRequested deleted, PodPhaseChanged terminal,
                                 FinalizersRemoved released, PodRemoved removed) {
        if (deleted == null || terminal == null || released == null) {
            return Verdict.HOLDS; // not due: finalizer/holds-removal judges an early removal
        }
        long due = Math.max(deleted.at(), Math.max(terminal.at(), released.at())) + trial.toleranceMillis();
        long seen = removed == null ? trial.horizonMillis() : removed.at();
        if (seen <= due || (removed == null && due >= trial.horizonMillis())) {
            return Verdict.HOLDS;
        }
        String message = String.format(LATE, deleted.at(), terminal.at(), released.at(),
                removed == null ? "the end" : removed.at() + " ms");
        return removed == null ? Verdict.violated(message, deleted, terminal, released)
                : Verdict.violated(message, deleted, terminal, released, removed);
    }
}
