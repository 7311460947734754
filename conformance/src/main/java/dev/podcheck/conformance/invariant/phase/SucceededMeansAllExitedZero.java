package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.TraceQueries.inOrder;
import static dev.podcheck.conformance.invariant.TraceQueries.snapshots;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Set;

/**
 * phase/succeeded (SEMANTICS INV-5, ST-5): Succeeded means every regular container stopped with
 * exit 0. A container Waiting after a run counts as stopped but not succeeded (ST-5), so it breaks it.
 */
public final class SucceededMeansAllExitedZero implements Invariant {
    static final String MESSAGE = "the pod is Succeeded at %d ms but %s is %s";

    @Override
    public String id() {
        return "phase/succeeded";
    }

    @Override
    public String must() {
        return "While the pod phase is Succeeded, every regular container MUST be terminated with exit code 0.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go getPhase (stopped == succeeded); SEMANTICS INV-5, ST-5";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        for (Snapshot now : snapshots(trial)) {
            if (now.phase() == null || now.phase().phase() != PodPhase.Succeeded) {
                continue;
            }
            for (Container c : trial.scenario().pod().spec().containers()) {
                ContainerStatusChanged s = now.statuses().get(c.name());
                if (s == null) {
                    return Verdict.violated(String.format(MESSAGE, now.at(), c.name(), "without a status"), now.phase());
                }
                if (!(s.status().state() instanceof ContainerState.Terminated t && t.exitCode() == 0)) {
                    return Verdict.violated(String.format(MESSAGE, now.at(), c.name(), describe(s.status().state())),
                            inOrder(now.phase(), s));
                }
            }
        }
        return Verdict.HOLDS;
    }

    static String describe(ContainerState state) {
        if (state instanceof ContainerState.Terminated t) {
            return "terminated with exit code " + t.exitCode();
        }
        if (state instanceof ContainerState.Waiting w) {
            return "waiting (" + w.reason() + ")";
        }
        return "running";
    }
}
