package dev.podcheck.conformance.invariant.restart;

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
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * restart/never (SEMANTICS INV-7, R-1, R-3, S-9): under restartPolicy Never nothing but a sidecar
 * runs twice; not after an exit, not after a liveness kill. Sidecars restart under any policy (S-8).
 */
public final class NeverRestarts implements Invariant {
    static final String MESSAGE = "%s restarted under restartPolicy Never at %d ms (restartCount %d)";

    @Override
    public String id() {
        return "restart/never";
    }

    @Override
    public String must() {
        return "Under restartPolicy Never, a regular container or regular init container MUST run at most once and "
                + "keep restartCount 0.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/container/helpers.go ShouldContainerBeRestarted, kuberuntime_manager.go computePodActions; "
                + "SEMANTICS INV-7, R-1, R-3, S-9";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        if (spec.restartPolicyValue() != RestartPolicy.Never) {
            return Verdict.HOLDS;
        }
        Verdict verdict = Verdict.HOLDS;
        for (Container c : spec.allContainers().filter(c -> !c.isSidecar()).toList()) {
            verdict = verdict.and(runsOnce(trial, c.name()));
        }
        return verdict;
    }

    /** Up to an image change, which restarts a container whatever the restartPolicy (SU-2). */
    private static Verdict runsOnce(Observed trial, String name) {
        long change = ImageChanges.firstChange(trial, name);
        Optional<ContainerStatusChanged> counted = trial.index().all(ContainerStatusChanged.class).stream()
                .filter(e -> e.status().name().equals(name) && e.status().restartCount() > 0 && e.at() < change)
                .findFirst();
        if (counted.isPresent()) {
            return Verdict.violated(String.format(MESSAGE, name, counted.get().at(), counted.get().status().restartCount()),
                    counted.get());
        }
        List<Run> runs = runs(trial, name).stream().filter(r -> r.startedAt() < change).toList();
        if (runs.size() > 1) {
            ContainerStatusChanged second = runs.get(1).shown();
            return Verdict.violated(String.format(MESSAGE, name, second.at(), second.status().restartCount()), second);
        }
        return Verdict.HOLDS;
    }
}
