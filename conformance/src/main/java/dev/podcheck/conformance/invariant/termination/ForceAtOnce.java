package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * termination/force-at-once (SEMANTICS T-1, T-3, INV-20): the apiserver forces the grace to 0 for a
 * pod already Succeeded or Failed, and a grace of 0 (force or not) deletes the object at once
 * without waiting for the kubelet.
 */
public final class ForceAtOnce implements Invariant {
    static final String GRACE_OF_TERMINAL = "a DELETE at %d ms of a pod already %s got a grace of %d s, not 0";
    static final String NOT_REMOVED = "a DELETE at %d ms with %s left the pod in place until %s";

    @Override
    public String id() {
        return "termination/force-at-once";
    }

    @Override
    public String must() {
        return "A pod without finalizers deleted with force or a grace of 0, or deleted while Succeeded or Failed, MUST be removed "
                + "from the API at once.";
    }

    @Override
    public String source() {
        return "pkg/registry/core/pod/strategy.go CheckGracefulDelete; apiserver rest/delete.go BeforeDelete; "
                + "SEMANTICS T-1, T-3, INV-20";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.DELETION, Observation.PHASE);
    }

    @Override
    public Verdict check(Observed trial) {
        if (!trial.scenario().pod().metadata().finalizers().isEmpty()) {
            return Verdict.HOLDS; // finalizers keep the object (FZ-2): the finalizer group judges its removal
        }
        PodPhaseChanged phase = null;
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof PodPhaseChanged p) {
                phase = p;
            }
            if (!(e instanceof DeletionRequested d)) {
                continue;
            }
            boolean terminal = phase != null && phase.phase().isTerminal();
            if (terminal && d.gracePeriodSeconds() != 0) {
                return Verdict.violated(String.format(GRACE_OF_TERMINAL, d.at(), phase.phase(), d.gracePeriodSeconds()),
                        phase, d);
            }
            if (terminal || d.force() || d.gracePeriodSeconds() == 0) {
                Verdict v = removedAtOnce(trial, d, terminal ? "the pod terminal" : d.force() ? "force" : "grace 0");
                if (v != Verdict.HOLDS) {
                    return v;
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict removedAtOnce(Observed trial, DeletionRequested d, String why) {
        Optional<PodRemoved> removed = trial.index().all(PodRemoved.class).stream().filter(r -> r.at() >= d.at()).findFirst();
        if (removed.isPresent() && removed.get().at() <= d.at() + trial.toleranceMillis()) {
            return Verdict.HOLDS;
        }
        String until = removed.map(r -> r.at() + " ms").orElse("the end");
        List<TraceEvent> witness = removed.isPresent() ? List.of(d, removed.get()) : List.of(d);
        return Verdict.violated(String.format(NOT_REMOVED, d.at(), why, until), witness);
    }
}
