package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.TraceQueries.snapshots;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import java.util.Set;

/**
 * phase/failed (SEMANTICS ST-5, ST-6, T-9, AD-2, E-7): the kubelet writes Failed only for a cause it
 * can name. A deletion is a cause of its own: TerminatePod turns Pending and Running into Failed
 * even before anything ran (T-9).
 */
public final class FailedHasACause implements Invariant {
    static final String MESSAGE = "the pod is Failed at %d ms without a cause: no regular container stopped "
            + "unsuccessfully, no init container failed under restartPolicy Never, no deletion, reason \"%s\"";
    private static final Set<String> KUBELET_REASONS = Set.of("DeadlineExceeded", "Evicted");

    @Override
    public String id() {
        return "phase/failed";
    }

    @Override
    public String must() {
        return "When the pod phase becomes Failed, a regular container MUST have stopped without success, or a regular "
                + "init container failed under restartPolicy Never, or the pod was deleted, or the reason is "
                + "DeadlineExceeded or Evicted.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go getPhase, status_manager.go TerminatePod, active_deadline.go, eviction_manager.go evictPod; "
                + "SEMANTICS ST-5, ST-6, T-9, AD-2, E-7";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONTAINER_STATUSES, Observation.DELETION);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        for (Snapshot now : snapshots(trial)) {
            if (now.phase() == null || now.phase().phase() != PodPhase.Failed) {
                continue;
            }
            // The first Failed snapshot is the one that must show the cause; Failed is final afterwards.
            if (KUBELET_REASONS.contains(now.phase().reason()) || deletedBy(trial, now.at())
                    || spec.containers().stream().anyMatch(c -> stoppedUnsuccessfully(now, c))
                    || (spec.restartPolicyValue() == RestartPolicy.Never
                        && spec.initContainers().stream().anyMatch(c -> !c.isSidecar() && initFailed(now, c)))) {
                return Verdict.HOLDS;
            }
            return Verdict.violated(String.format(MESSAGE, now.at(), now.phase().reason()), now.phase());
        }
        return Verdict.HOLDS;
    }

    private static boolean deletedBy(Observed trial, long at) {
        return trial.index().all(DeletionRequested.class).stream().anyMatch(d -> d.at() <= at);
    }

    /** getPhase's "stopped but not succeeded": terminated non-zero, or waiting after a run (ST-5). */
    private static boolean stoppedUnsuccessfully(Snapshot now, Container c) {
        ContainerStatusChanged e = now.statuses().get(c.name());
        if (e == null) {
            return false;
        }
        ContainerStatus s = e.status();
        return s.state() instanceof ContainerState.Terminated t ? t.exitCode() != 0
                : s.state() instanceof ContainerState.Waiting && s.lastState() instanceof ContainerState.Terminated;
    }

    /** getPhase's failedInitialization: terminated non-zero, or waiting after a non-zero exit (ST-5). */
    private static boolean initFailed(Snapshot now, Container c) {
        ContainerStatusChanged e = now.statuses().get(c.name());
        if (e == null) {
            return false;
        }
        ContainerStatus s = e.status();
        if (s.state() instanceof ContainerState.Terminated t) {
            return t.exitCode() != 0;
        }
        return s.state() instanceof ContainerState.Waiting && s.lastState() instanceof ContainerState.Terminated t
                && t.exitCode() != 0;
    }
}
