package dev.podcheck.conformance.invariant.deadline;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.Optional;
import java.util.Set;

/**
 * deadline/active-deadline (SEMANTICS AD-1, AD-2, ST-18, SM-3, INV-22, SU-4). startTime is set with the
 * kubelet's first status, so the first container status stands for it; an update may set or lower the
 * deadline, and a lowered one that has passed already runs out at the update ({@link Deadline}). The Failed phase is held back
 * until no container runs (SM-3), so it is due within the pod's grace (at least 1 s, T-6) plus
 * {@link #SLACK_SECONDS} (the 2 s minimum, whole-second truncation, a status write) after the deadline.
 */
public final class ActiveDeadline implements Invariant {
    static final String REASON = "DeadlineExceeded";
    static final long SLACK_SECONDS = 5;
    static final String EARLY = "the pod was failed for its deadline at %d ms, before startTime %d ms + %d s";
    static final String MISSING = "the pod passed its deadline at %d ms (startTime %d ms + %d s) but was not Failed "
            + "with reason DeadlineExceeded by %d ms";
    static final String OTHER = "the pod passed its deadline at %d ms but ended %s with reason \"%s\" at %d ms";

    @Override
    public String id() {
        return "deadline/active-deadline";
    }

    @Override
    public String must() {
        return "A pod with activeDeadlineSeconds that is still active at startTime plus the deadline (as created, or"
                + " as an update lowered it, not before the update) MUST become Failed with reason DeadlineExceeded,"
                + " not before that moment and within its grace period plus 5 seconds after it.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/active_deadline.go; kubelet_pods.go generateAPIPodStatus; status_manager.go "
                + "mergePodStatus; test/e2e/common/node/pods.go \"should allow activeDeadlineSeconds to be updated\"; "
                + "SEMANTICS AD-1, AD-2, ST-18, SM-3, INV-22, SU-4, NP-4";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Optional<Deadline> inForce = Deadline.of(trial);
        if (inForce.isEmpty()) {
            return Verdict.HOLDS;
        }
        long startTime = inForce.get().startTime();
        long seconds = inForce.get().seconds();
        long deadline = inForce.get().at();
        ContainerStatusChanged first = trial.index().all(ContainerStatusChanged.class).stream().findFirst().orElseThrow();
        Long tgps = trial.scenario().pod().spec().terminationGracePeriodSeconds();
        long due = Int64.plus(deadline, Int64.plus(Int64.millisOfSeconds(Int64.plus(Math.max(tgps == null ? 30 : tgps, 1), SLACK_SECONDS)), trial.toleranceMillis()));
        for (TraceEvent e : trial.trace().events()) {
            boolean endedOtherwise = e instanceof DeletionRequested || e instanceof PodEvicted
                    || e instanceof PodRemoved;
            if (e instanceof PodPhaseChanged p && p.phase().isTerminal()) {
                return evictedSince(trial, deadline, p) ? Verdict.HOLDS
                        : judgeEnd(p, startTime, seconds, deadline, due, trial.toleranceMillis());
            }
            if (endedOtherwise && e.at() <= deadline) {
                return Verdict.HOLDS; // another ending began first; it owns the outcome
            }
            if (e instanceof PodRemoved) {
                return Verdict.HOLDS; // the object is gone (a force delete) before the phase could be seen
            }
        }
        if (due < trial.horizonMillis()) {
            return Verdict.violated(String.format(MISSING, deadline, startTime, seconds, due), first);
        }
        return Verdict.HOLDS;
    }

    /**
     * Whether the pod, past its deadline and still stopping, was evicted before its end showed: still active, the
     * eviction manager may take it, and the eviction's status replaces the deadline's (SEMANTICS NP-4).
     */
    private static boolean evictedSince(Observed trial, long deadline, PodPhaseChanged end) {
        return end.reason().equals("Evicted") && trial.trace().all(PodEvicted.class)
                .anyMatch(e -> e.at() > deadline && e.at() <= end.at());
    }

    private static Verdict judgeEnd(PodPhaseChanged end, long startTime, long seconds, long deadline, long due,
                                    long tolerance) {
        boolean exceeded = end.reason().equals(REASON);
        if (exceeded && end.at() + tolerance < deadline) {
            return Verdict.violated(String.format(EARLY, end.at(), startTime, seconds), end);
        }
        if (end.at() <= deadline) {
            return Verdict.HOLDS; // ended by itself in time
        }
        if (!exceeded) {
            return Verdict.violated(String.format(OTHER, deadline, end.phase(), end.reason(), end.at()), end);
        }
        if (end.at() > due) {
            return Verdict.violated(String.format(MISSING, deadline, startTime, seconds, due), end);
        }
        return Verdict.HOLDS;
    }
}
