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
 * finalizer/final-status-readable (SEMANTICS FZ-2, FZ-4, T-4, T-9): what must happen, and by when.
 * The object a finalizer keeps is what Kubernetes' deleted-pods tests read the final phase from:
 * the kubelet writes it while stopping the pod, within the grace, the 2 s minimum, and whole-second
 * truncation; {@link #SLACK_SECONDS} is termination/removal-bound's allowance for those and the write.
 * A force delete (grace 0) still stops the containers with the 1 s minimum (T-6).
 */
public final class FinalStatusReadable implements Invariant {
    static final long SLACK_SECONDS = 5;
    static final String LATE = "the pod, deleted at %d ms with a grace of %d s, showed no terminal phase until %s";
    static final String GONE = "the pod was removed at %d ms before it showed a terminal phase";

    @Override
    public String id() {
        return "finalizer/final-status-readable";
    }

    @Override
    public String must() {
        return "A deleted pod with metadata.finalizers MUST show a terminal phase while they still hold it in the API, "
                + "within its grace period plus 5 seconds of the DELETE that set the earliest deadline, unless a client "
                + "removes the finalizers before.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/status_manager.go TerminatePod, canBeDeleted; test/e2e_node/deleted_pods_test.go "
                + "\"Should transition to Failed phase a deleted pod if non-zero exit codes\"; SEMANTICS FZ-2, FZ-4, T-9";
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
        DeletionRequested earliest = null;
        long deadline = Long.MAX_VALUE;
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof PodPhaseChanged p && p.phase().isTerminal()) {
                return earliest != null && p.at() > deadline + trial.toleranceMillis()
                        ? Verdict.violated(late(earliest, p.at() + " ms"), earliest, p)
                        : Verdict.HOLDS;
            }
            if (e instanceof FinalizersRemoved) {
                return Verdict.HOLDS; // released first: a grace-0 deletion may then remove it at once (FZ-3)
            }
            if (e instanceof DeletionRequested d) {
                long due = d.at() + (d.gracePeriodSeconds() + SLACK_SECONDS) * 1000;
                if (due < deadline) {
                    deadline = due;
                    earliest = d;
                }
            } else if (e instanceof PodRemoved removed) {
                return Verdict.violated(String.format(GONE, removed.at()), removed);
            }
        }
        if (earliest != null && deadline + trial.toleranceMillis() < trial.horizonMillis()) {
            return Verdict.violated(late(earliest, "the end"), earliest);
        }
        return Verdict.HOLDS;
    }

    private static String late(DeletionRequested d, String until) {
        return String.format(LATE, d.at(), d.gracePeriodSeconds(), until);
    }
}
