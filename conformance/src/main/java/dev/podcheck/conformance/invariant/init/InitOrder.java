package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.TraceQueries.firstRunning;
import static dev.podcheck.conformance.invariant.TraceQueries.firstStarted;
import static dev.podcheck.conformance.invariant.TraceQueries.firstSucceeded;
import static dev.podcheck.conformance.invariant.TraceQueries.startedAt;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** init/order (SEMANTICS INV-13, S-4..S-6): each container waits for the init containers before it. */
public final class InitOrder implements Invariant {
    static final String MESSAGE = "%s first ran at %d ms, before %s was initialized (%s)";

    @Override
    public String id() {
        return "init/order";
    }

    @Override
    public String must() {
        return "An init container, and every regular container, MUST first start only after each init container "
                + "before it has exited 0 (regular init) or is running and started (sidecar).";
    }

    @Override
    public String source() {
        return "kubernetes.io/docs/concepts/workloads/pods/init-containers; KEP-753; SEMANTICS S-4, S-5, S-6, INV-13";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        List<Container> inits = trial.scenario().pod().spec().initContainers();
        List<Container> regulars = trial.scenario().pod().spec().containers();
        Verdict verdict = Verdict.HOLDS;
        for (int i = 0; i < inits.size(); i++) {
            List<Container> later = new java.util.ArrayList<>(inits.subList(i + 1, inits.size()));
            later.addAll(regulars);
            for (Container next : later) {
                verdict = verdict.and(startsAfter(trial, inits.get(i), next));
            }
        }
        return verdict;
    }

    private Verdict startsAfter(Observed trial, Container init, Container next) {
        Optional<ContainerStatusChanged> nextRuns = firstRunning(trial.trace(), next.name());
        if (nextRuns.isEmpty()) {
            return Verdict.HOLDS;
        }
        long start = startedAt(nextRuns.get());
        Optional<ContainerStatusChanged> initialized = init.isSidecar()
                ? firstStarted(trial.trace(), init.name())
                : firstSucceeded(trial.trace(), init.name());
        if (initialized.isEmpty()) {
            return Verdict.violated(String.format(MESSAGE, next.name(), start, init.name(), "never"), nextRuns.get());
        }
        long ready = initialized.get().at();
        if (start + trial.toleranceMillis() < ready) {
            return Verdict.violated(String.format(MESSAGE, next.name(), start, init.name(), "at " + ready + " ms"),
                    nextRuns.get(), initialized.get());
        }
        return Verdict.HOLDS;
    }
}
