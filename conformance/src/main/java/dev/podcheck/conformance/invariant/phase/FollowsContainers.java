package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.TraceQueries.snapshots;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.StatusAgreement;
import dev.podcheck.conformance.invariant.StatusAgreement.Disagreement;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * phase/follows-containers (SEMANTICS ST-5, ST-6, SM-3, INV-3), both directions: until something
 * from outside stops or changes the pod (a deletion, an eviction, its deadline, a spec update, a
 * kubelet restart or sandbox loss), the kubelet's phase is getPhase of the container statuses it
 * writes with it. So the phase is never Running, Succeeded or Failed before the statuses allow it,
 * and becomes so once they call for it. The status manager may hold a move to Succeeded or Failed
 * back while a container runs (SM-3).
 */
public final class FollowsContainers implements Invariant {
    private static final String DEADLINE_EXCEEDED = "DeadlineExceeded";
    static final String MESSAGE = "from %d ms to %d ms the pod phase was %s, but the container statuses make it %s";

    @Override
    public String id() {
        return "phase/follows-containers";
    }

    @Override
    public String must() {
        return "Until the pod is deleted, evicted, past its deadline, updated or disrupted, its phase MUST be the one "
                + "getPhase gives its container statuses (Pending while an init or regular container waits to start, "
                + "Running while they run or restart, Succeeded or Failed once they ended for good), within the "
                + "target's tolerance; a move to Succeeded or Failed MAY wait while a container runs.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go getPhase; status_manager.go mergePodStatus; SEMANTICS ST-5, ST-6, SM-3, INV-3";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONTAINER_STATUSES, Observation.DELETION,
                Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        long until = undisturbedUntil(trial);
        List<Snapshot> judged = snapshots(trial).stream().filter(s -> s.at() < until && s.phase() != null).toList();
        return StatusAgreement.first(trial, judged, until, new Judge(spec), MESSAGE);
    }

    /**
     * When the first event from outside the pod's own life comes, or the kubelet decides to fail the pod
     * (active_deadline.go records DeadlineExceeded when it does; the phase may follow a stop later).
     */
    private static long undisturbedUntil(Observed trial) {
        for (TraceEvent e : trial.trace().events()) {
            boolean outside = e instanceof TraceEvent.DeletionRequested || e instanceof TraceEvent.PodEvicted
                    || e instanceof TraceEvent.PodUpdated || e instanceof TraceEvent.PodRemoved
                    || e instanceof TraceEvent.KubeletRestarted || e instanceof TraceEvent.SandboxLost
                    || e instanceof TraceEvent.KubeletEvent k && k.reason().equals(DEADLINE_EXCEEDED);
            if (outside || e instanceof TraceEvent.PodPhaseChanged p && !p.reason().isEmpty()) {
                return e.at();
            }
        }
        return trial.horizonMillis();
    }

    /**
     * One trial's judge: it remembers since when the statuses call for a terminal phase, because the
     * status manager holds back the phase the pod had then, not any phase (SM-3).
     */
    private static final class Judge implements StatusAgreement.Rule {
        private final PodSpec spec;
        private long terminalDueSince = -1;

        Judge(PodSpec spec) {
            this.spec = spec;
        }

        @Override
        public Disagreement judge(Snapshot s) {
            PodPhase due = GetPhase.of(spec, s);
            boolean terminalDue = due.isTerminal();
            terminalDueSince = !terminalDue ? -1 : terminalDueSince < 0 ? s.at() : terminalDueSince;
            PodPhase shown = s.phase().phase();
            if (due == shown || heldBack(s, terminalDue)) {
                return null;
            }
            List<TraceEvent> witness = new ArrayList<>(s.statuses().values());
            witness.add(s.phase());
            return new Disagreement(shown.name(), due.name(), witness);
        }

        /**
         * The phase written before the statuses called for a terminal one, kept while a container runs. "Before" by
         * time, the same millisecond included: a phase written in that millisecond may precede the change that made
         * the pod terminal (an init container failing at once under Never, while a sidecar stops).
         */
        private boolean heldBack(Snapshot s, boolean terminalDue) {
            return terminalDue && !s.phase().phase().isTerminal() && s.phase().at() <= terminalDueSince
                    && s.statuses().values().stream().anyMatch(c -> c.status().isRunning());
        }
    }
}
