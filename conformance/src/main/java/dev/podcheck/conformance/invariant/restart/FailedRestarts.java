package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import java.util.Set;
import java.util.stream.Stream;

/**
 * restart/on-failure-restarts (SEMANTICS, S-9): the progress direction of
 * restart/on-failure. Under OnFailure ShouldContainerBeRestarted says yes to a regular container
 * that exited with a code other than 0; a failed regular init container is restarted under
 * OnFailure and under Always (S-9: "the init containers use OnFailure"). {@link RestartDue} says
 * when that start is owed at the latest. A probe kill that ends in exit 0 is owed a restart only by
 * the kill's own SyncPod: if a back-off holds it there, later SyncPods ask
 * ShouldContainerBeRestarted, which says no, so such a run is not judged here.
 */
public final class FailedRestarts implements Invariant {
    static final String LATE = "%s failed at %d ms and was started again only at %d ms, after the latest due moment %d ms";
    static final String NEVER = "%s failed at %d ms and was not started again by the horizon %d ms, though due by %d ms";

    @Override
    public String id() {
        return "restart/on-failure-restarts";
    }

    @Override
    public String must() {
        return "A regular container under restartPolicy OnFailure, and a regular init container under OnFailure or "
                + "Always, that exited with a code other than 0 MUST be started again, at the first SyncPod after its "
                + "back-off unless something else holds the pod "
                + "worker, while the pod is not being stopped and not terminal.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/container/helpers.go ShouldContainerBeRestarted; kuberuntime_manager.go computePodActions, "
                + "doBackOff; kuberuntime_container.go computeInitContainerActions; SEMANTICS R-1, R-6, S-9, INV-6";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS, Observation.PHASE, Observation.HOOKS,
                Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        RestartPolicy policy = spec.restartPolicyValue();
        if (policy == RestartPolicy.Never) {
            return Verdict.HOLDS;
        }
        Stream<Container> regular = policy == RestartPolicy.OnFailure ? spec.containers().stream() : Stream.empty();
        Stream<Container> init = spec.initContainers().stream().filter(c -> !c.isSidecar());
        Verdict verdict = Verdict.HOLDS;
        for (Container c : Stream.concat(init, regular).toList()) {
            verdict = verdict.and(AlwaysRestarts.judge(trial, c.name(), RestartDue.firstMissed(trial, c.name(),
                    run -> run.exit().exitCode() != 0), LATE, NEVER));
        }
        return verdict;
    }
}
