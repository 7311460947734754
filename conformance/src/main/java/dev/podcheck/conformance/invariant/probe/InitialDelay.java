package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.probe.ProbeQueries.InInstance;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** probe/initial-delay (SEMANTICS P-4.7, INV-26): no probe runs before initialDelaySeconds of its instance. */
public final class InitialDelay implements Invariant {
    static final String MESSAGE = "%s %s probe ran at %d ms, %d ms after %s, before its initialDelaySeconds %d";

    @Override
    public String id() {
        return "probe/initial-delay";
    }

    @Override
    public String must() {
        return "A probe MUST give no result earlier than its initialDelaySeconds after the container instance started.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go doProbe (secondsSince(startedAt) < initialDelaySeconds); SEMANTICS P-4.7, INV-26";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Map<String, Container> byName = trial.scenario().pod().spec().allContainers()
                .collect(Collectors.toMap(Container::name, Function.identity()));
        for (InInstance<TraceEvent> e : ProbeQueries.withInstances(trial)) {
            if (!(e.event() instanceof ProbeResult r) || !e.hasInstance() || !byName.containsKey(r.container())) {
                continue;
            }
            Probe probe = byName.get(r.container()).probe(r.probe());
            int delay = probe == null || probe.initialDelaySeconds() == null ? 0 : probe.initialDelaySeconds();
            long since = r.at() - e.instanceStartedAt();
            // worker.go floors the seconds since start, so a whole delay in milliseconds is the earliest run.
            if (since + trial.toleranceMillis() < delay * 1000L) {
                return Verdict.violated(String.format(MESSAGE, r.container(), r.probe(), r.at(), since,
                        ProbeQueries.describe(e.instanceStartedAt()), delay), r);
            }
        }
        return Verdict.HOLDS;
    }
}
