package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.TraceQueries.inOrder;
import static dev.podcheck.conformance.invariant.TraceQueries.snapshots;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * init/one-at-a-time (SEMANTICS INV-14, S-4, S-6): computeInitContainerActions starts the next
 * regular init container only after the one before exited 0, and regular containers only after
 * initialization; sidecars run alongside everything. Checked on the status snapshot after each
 * instant: one status object cannot show two runs that the kubelet keeps apart.
 */
public final class OneAtATime implements Invariant {
    static final String MESSAGE = "init container %s runs together with %s at %d ms";

    @Override
    public String id() {
        return "init/one-at-a-time";
    }

    @Override
    public String must() {
        return "At most one regular init container MUST be running at any time, and never while a regular container "
                + "is running (sidecars excepted).";
    }

    @Override
    public String source() {
        return "kuberuntime_container.go computeInitContainerActions; kubernetes.io/docs/concepts/workloads/pods/"
                + "init-containers; SEMANTICS INV-14, S-4, S-6";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        List<String> inits = spec.initContainers().stream().filter(c -> !c.isSidecar()).map(Container::name).toList();
        List<String> others = Stream.concat(inits.stream(), spec.containers().stream().map(Container::name)).toList();
        for (Snapshot now : snapshots(trial)) {
            for (String init : inits) {
                ContainerStatusChanged initRuns = running(now, init);
                if (initRuns == null) {
                    continue;
                }
                for (String other : others) {
                    ContainerStatusChanged otherRuns = other.equals(init) ? null : running(now, other);
                    if (otherRuns != null) {
                        return Verdict.violated(String.format(MESSAGE, init, other, now.at()), inOrder(initRuns, otherRuns));
                    }
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static ContainerStatusChanged running(Snapshot now, String name) {
        ContainerStatusChanged s = now.statuses().get(name);
        return s != null && s.status().isRunning() ? s : null;
    }
}
