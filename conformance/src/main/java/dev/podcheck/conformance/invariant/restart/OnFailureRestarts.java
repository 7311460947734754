package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.TraceQueries.killedByProbe;
import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.update.ImageChanges;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import java.util.List;
import java.util.Set;

/**
 * restart/on-failure (SEMANTICS INV-6, R-1, R-3, S-9): under OnFailure ShouldContainerBeRestarted
 * restarts an exited container only for an exit code other than 0, while a liveness or startup
 * kill restarts it in the kill's own SyncPod whatever the code (computePodActions:
 * {@code restart := shouldRestartOnFailure(pod)}). Regular init containers follow the same rule
 * (S-9). Sidecars restart under any policy (S-8) and are not judged here.
 */
public final class OnFailureRestarts implements Invariant {
    static final String MESSAGE = "%s was started again at %d ms under restartPolicy OnFailure after a run that exited 0 "
            + "at %d ms without a probe kill";
    static final String UNSEEN = "the end of the run of %s started at %d ms is not observed before its next run";

    @Override
    public String id() {
        return "restart/on-failure";
    }

    @Override
    public String must() {
        return "Under restartPolicy OnFailure, a regular container or regular init container MUST be started again "
                + "only after its previous run exited with a code other than 0 or was killed for a failed liveness or "
                + "startup probe.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/container/helpers.go ShouldContainerBeRestarted; kuberuntime_manager.go computePodActions "
                + "(shouldRestartOnFailure); SEMANTICS INV-6, R-1, R-3, S-9";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        if (spec.restartPolicyValue() != RestartPolicy.OnFailure) {
            return Verdict.HOLDS;
        }
        Verdict verdict = Verdict.HOLDS;
        for (Container c : spec.allContainers().filter(c -> !c.isSidecar()).toList()) {
            verdict = verdict.and(judge(trial, c.name()));
        }
        return verdict;
    }

    /** Up to an image change, which restarts a container whatever the restartPolicy (SU-2). */
    private static Verdict judge(Observed trial, String name) {
        List<Run> runs = runs(trial, name);
        long change = ImageChanges.firstChange(trial, name);
        for (int k = 1; k < runs.size(); k++) {
            Run before = runs.get(k - 1);
            Run again = runs.get(k);
            if (again.startedAt() >= change) {
                break;
            }
            if (before.exit() == null) {
                return Verdict.unknown(String.format(UNSEEN, name, before.startedAt()));
            }
            if (before.exit().exitCode() == 0 && !killedByProbe(trial, before)) {
                return Verdict.violated(String.format(MESSAGE, name, again.startedAt(), before.exit().finishedAt()),
                        before.exitShown(), again.shown());
            }
        }
        return Verdict.HOLDS;
    }
}
