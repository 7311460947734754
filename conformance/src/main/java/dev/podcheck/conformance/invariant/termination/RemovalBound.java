package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Set;

/**
 * termination/removal-bound (SEMANTICS T-4, T-6, T-7, INV-19, INV-21). A gracefully deleted pod is
 * removed by the kubelet's final DELETE, which it sends only once the API phase is terminal. Its
 * containers stop within the grace plus the 2 s minimum plus up to 2 s of whole-second truncation
 * (preStop, sidecar wait); {@link #SLACK_SECONDS} adds a second for the final status write. A later
 * DELETE with a shorter grace restarts the stop with it (T-2, T-6), so the earliest deadline counts.
 */
public final class RemovalBound implements Invariant {
    static final long SLACK_SECONDS = 5;
    static final String NOT_TERMINAL = "the pod was removed at %d ms while its phase was %s";
    static final String LATE = "the pod, deleted at %d ms with a grace of %d s, was still there at %d ms";

    @Override
    public String id() {
        return "termination/removal-bound";
    }

    @Override
    public String must() {
        return "A gracefully deleted pod without finalizers MUST be removed only once its phase is terminal, and within its grace "
                + "period plus 5 seconds of the DELETE that set the earliest deadline.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/status_manager.go canBeDeleted; kuberuntime_container.go killContainer; "
                + "pod_workers.go calculateEffectiveGracePeriod; SEMANTICS T-2, T-4, T-6, T-7, INV-19, INV-21";
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
        List<TraceEvent> events = trial.trace().events();
        DeletionRequested earliest = null;
        long deadline = Long.MAX_VALUE;
        PodPhaseChanged phase = null;
        for (TraceEvent e : events) {
            if (e instanceof PodPhaseChanged p) {
                phase = p;
            } else if (e instanceof DeletionRequested d && (d.force() || d.gracePeriodSeconds() == 0)) {
                return Verdict.HOLDS; // removed at once by the apiserver (T-1, T-3): termination/force-at-once judges it
            } else if (e instanceof DeletionRequested d && (phase == null || !phase.phase().isTerminal())) {
                long due = Int64.plus(d.at(), Int64.millisOfSeconds(Int64.plus(d.gracePeriodSeconds(), SLACK_SECONDS)));
                if (due < deadline) {
                    deadline = due;
                    earliest = d;
                }
            } else if (e instanceof PodRemoved r && earliest != null) {
                return judgeRemoval(r, phase, earliest, deadline, trial.toleranceMillis());
            }
        }
        if (earliest != null && deadline + trial.toleranceMillis() < trial.horizonMillis()) {
            return Verdict.violated(String.format(LATE, earliest.at(), earliest.gracePeriodSeconds(),
                    trial.horizonMillis()), earliest);
        }
        return Verdict.HOLDS;
    }

    private static Verdict judgeRemoval(PodRemoved removed, PodPhaseChanged phase, DeletionRequested earliest,
                                        long deadline, long tolerance) {
        if (phase == null || !phase.phase().isTerminal()) {
            PodPhase shown = phase == null ? PodPhase.Pending : phase.phase();
            List<TraceEvent> witness = phase == null ? List.of(removed) : List.of(phase, removed);
            return Verdict.violated(String.format(NOT_TERMINAL, removed.at(), shown), witness);
        }
        if (removed.at() > deadline + tolerance) {
            return Verdict.violated(String.format(LATE, earliest.at(), earliest.gracePeriodSeconds(),
                    removed.at()), earliest, removed);
        }
        return Verdict.HOLDS;
    }
}
