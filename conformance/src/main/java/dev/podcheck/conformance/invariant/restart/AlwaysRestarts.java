package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import java.util.Optional;
import java.util.Set;

/**
 * restart/always (SEMANTICS ..R-7): under restartPolicy Always ShouldContainerBeRestarted
 * says yes to every exited regular container, so the kubelet starts it again at the first SyncPod
 * its back-off allows, unless the pod is being stopped or is terminal. {@link RestartDue} says when
 * that start is owed at the latest.
 */
public final class AlwaysRestarts implements Invariant {
    static final String LATE = "%s exited at %d ms and was started again only at %d ms, after the latest due moment %d ms";
    static final String NEVER = "%s exited at %d ms and was not started again by the horizon %d ms, though due by %d ms";

    @Override
    public String id() {
        return "restart/always";
    }

    @Override
    public String must() {
        return "Under restartPolicy Always, an exited regular container MUST be started again, at the first SyncPod "
                + "after its back-off unless something else holds the pod worker, while the pod is not being stopped "
                + "and not terminal.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/container/helpers.go ShouldContainerBeRestarted; kuberuntime_manager.go computePodActions, "
                + "doBackOff; kubelet.go SyncPod; pod_workers.go completeWork; SEMANTICS R-1, R-4, R-6, R-7, M-1";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS, Observation.PHASE, Observation.HOOKS,
                Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        if (spec.restartPolicyValue() != RestartPolicy.Always) {
            return Verdict.HOLDS;
        }
        Verdict verdict = Verdict.HOLDS;
        for (Container c : spec.containers()) {
            verdict = verdict.and(judge(trial, c.name(), RestartDue.firstMissed(trial, c.name()), LATE, NEVER));
        }
        return verdict;
    }

    /** The verdict on a missed restart, in the words of {@code late} and {@code never}. */
    public static Verdict judge(Observed trial, String name, Optional<RestartDue.Missed> missed, String late,
                                String never) {
        if (missed.isEmpty()) {
            return Verdict.HOLDS;
        }
        RestartDue.Missed m = missed.get();
        long finishedAt = m.exited().exit().finishedAt();
        if (m.next() == null) {
            return Verdict.violated(String.format(never, name, finishedAt, trial.horizonMillis(), m.due()),
                    m.exited().exitShown());
        }
        return Verdict.violated(String.format(late, name, finishedAt, RestartDue.requested(trial, m.next()), m.due()),
                m.exited().exitShown(), m.next().shown());
    }
}
