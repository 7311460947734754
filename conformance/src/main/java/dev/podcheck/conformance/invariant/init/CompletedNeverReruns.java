package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.spec.pod.Container;
import java.util.List;
import java.util.Set;

/**
 * init/completed-never-reruns (SEMANTICS S-7, S-9, DISC-4): computeInitContainerActions never
 * starts a regular init container again once it exited 0 (after initialization only sidecars are
 * kept running), whatever the pod's restartPolicy. A node reboot (S-10) would, but no target here
 * reboots its node.
 */
public final class CompletedNeverReruns implements Invariant {
    static final String MESSAGE = "init container %s exited 0 at %d ms and was started again at %d ms";

    @Override
    public String id() {
        return "init/completed-never-reruns";
    }

    @Override
    public String must() {
        return "A regular init container that exited with code 0 MUST never be started again.";
    }

    @Override
    public String source() {
        return "kuberuntime_container.go computeInitContainerActions; SEMANTICS S-7, S-9";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Verdict verdict = Verdict.HOLDS;
        for (Container c : trial.scenario().pod().spec().initContainers()) {
            if (!c.isSidecar()) {
                verdict = verdict.and(judge(runs(trial, c.name())));
            }
        }
        return verdict;
    }

    private static Verdict judge(List<Run> runs) {
        for (int k = 0; k + 1 < runs.size(); k++) {
            Run done = runs.get(k);
            if (done.exit() != null && done.exit().exitCode() == 0) {
                Run again = runs.get(k + 1);
                return Verdict.violated(String.format(MESSAGE, done.container(), done.exit().finishedAt(),
                        again.startedAt()), done.exitShown(), again.shown());
            }
        }
        return Verdict.HOLDS;
    }
}
