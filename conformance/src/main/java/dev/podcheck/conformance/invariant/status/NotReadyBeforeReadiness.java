package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.probe.ProbeQueries;
import dev.podcheck.conformance.invariant.probe.ProbeQueries.InInstance;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * status/not-ready-before-readiness (SEMANTICS P-2, P-11): readiness starts as Failure for every
 * new instance, so a container with a readiness probe is not ready until a readiness run of that
 * very instance succeeded. The status that turns ready is judged with the instance it shows.
 */
public final class NotReadyBeforeReadiness implements Invariant {
    static final String MESSAGE = "%s reads ready at %d ms before any successful readiness result of %s";

    @Override
    public String id() {
        return "status/not-ready-before-readiness";
    }

    @Override
    public String must() {
        return "A container with a readiness probe MUST NOT be ready before a readiness probe of its current "
                + "instance has succeeded.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go newWorker (initial Failure), prober_manager.go UpdatePodStatus; "
                + "SEMANTICS P-2, P-11";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.PROBE_RESULTS);
    }

    @Override
    public Verdict check(Observed trial) {
        Map<String, Container> probed = trial.scenario().pod().spec().allContainers()
                .filter(c -> c.readinessProbe() != null).collect(Collectors.toMap(Container::name, c -> c));
        List<InInstance<TraceEvent>> walk = ProbeQueries.withInstances(trial);
        for (int i = 0; i < walk.size(); i++) {
            if (!(walk.get(i).event() instanceof ContainerStatusChanged e) || !e.status().ready()
                    || !probed.containsKey(e.status().name())) {
                continue;
            }
            Long instance = ProbeQueries.instanceStart(e.status().state());
            boolean passed = ProbeQueries.resultsOfInstance(walk, i, e.status().name(), ProbeKind.readiness, instance)
                    .stream().anyMatch(r -> r.success());
            if (!passed) {
                return Verdict.violated(String.format(MESSAGE, e.status().name(), e.at(),
                        ProbeQueries.describe(instance)), e);
            }
        }
        return Verdict.HOLDS;
    }
}
