package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.probe.ProbeQueries.InInstance;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** probe/startup-gates-others (SEMANTICS P-4.8, P-11, INV-26): startup passes first, per instance. */
public final class StartupGatesOthers implements Invariant {
    static final String MESSAGE = "%s %s probe ran at %d ms before its startup probe succeeded in %s";

    @Override
    public String id() {
        return "probe/startup-gates-others";
    }

    @Override
    public String must() {
        return "A container with a startup probe MUST get no liveness or readiness probe result in an instance "
                + "before a startup probe of that instance succeeded.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go doProbe (started gating); SEMANTICS P-4.8, P-11, INV-26";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Set<String> gated = new HashSet<>();
        trial.scenario().pod().spec().allContainers().filter(c -> c.startupProbe() != null)
                .map(Container::name).forEach(gated::add);
        // (container, instance) pairs whose startup probe has succeeded
        Set<List<Object>> started = new HashSet<>();
        for (InInstance<TraceEvent> e : ProbeQueries.withInstances(trial)) {
            if (!(e.event() instanceof ProbeResult r) || !gated.contains(r.container())) {
                continue;
            }
            List<Object> key = java.util.Arrays.asList(r.container(), e.instanceStartedAt());
            if (r.probe() == ProbeKind.startup) {
                if (r.success()) {
                    started.add(key);
                }
            } else if (!started.contains(key)) {
                return Verdict.violated(String.format(MESSAGE, r.container(), r.probe(), r.at(),
                        ProbeQueries.describe(e.instanceStartedAt())), r);
            }
        }
        return Verdict.HOLDS;
    }
}
