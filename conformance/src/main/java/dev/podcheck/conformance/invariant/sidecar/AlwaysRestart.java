package dev.podcheck.conformance.invariant.sidecar;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.restart.AlwaysRestarts;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.Container;
import java.util.Set;

/**
 * sidecar/always-restart (SEMANTICS S-8, R-4, R-6): computeInitContainerActions puts an exited
 * sidecar in InitContainersToStart whatever the pod's restartPolicy, so it is started again at the
 * first SyncPod its back-off allows, unless the pod is being stopped, is terminal, or is done (R-4
 * clears InitContainersToStart so sidecars do not keep a finished pod alive). {@link RestartDue}
 * says when that start is owed at the latest.
 */
public final class AlwaysRestart implements Invariant {
    static final String LATE = "sidecar %s exited at %d ms and was started again only at %d ms, after the latest due "
            + "moment %d ms";
    static final String NEVER = "sidecar %s exited at %d ms and was not started again by the horizon %d ms, though due "
            + "by %d ms";

    @Override
    public String id() {
        return "sidecar/always-restart";
    }

    @Override
    public String must() {
        return "An exited sidecar MUST be started again whatever the pod's restartPolicy, at the first SyncPod after its "
                + "back-off unless something else holds the pod worker, while the pod is not being stopped, not "
                + "terminal and not done.";
    }

    @Override
    public String source() {
        return "kuberuntime_container.go computeInitContainerActions; kuberuntime_manager.go computePodActions, "
                + "doBackOff; KEP-753; SEMANTICS S-8, R-4, R-6, R-7";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS, Observation.PHASE, Observation.HOOKS,
                Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        Verdict verdict = Verdict.HOLDS;
        for (Container c : trial.scenario().pod().spec().sidecars()) {
            verdict = verdict.and(AlwaysRestarts.judge(trial, c.name(), RestartDue.firstMissed(trial, c.name()),
                    LATE, NEVER));
        }
        return verdict;
    }
}
