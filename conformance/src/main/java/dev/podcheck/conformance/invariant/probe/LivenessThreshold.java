package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.probe.ProbeQueries.InInstance;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** probe/liveness-threshold (SEMANTICS P-4.10, P-8, INV-26): a liveness kill needs failureThreshold failures in a row. */
public final class LivenessThreshold implements Invariant {
    static final String MESSAGE = "%s was killed for liveness at %d ms after %d consecutive failed liveness results "
            + "of %s; its failureThreshold is %d";
    /** The kubelet's Killing message for a liveness kill (kuberuntime_manager.go computePodActions). */
    static final String LIVENESS_KILL = "failed liveness probe";

    @Override
    public String id() {
        return "probe/liveness-threshold";
    }

    @Override
    public String must() {
        return "A container MUST be killed for its liveness probe only after failureThreshold consecutive failed "
                + "liveness results of that instance.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go doProbe (resultRun); kuberuntime_manager.go computePodActions; "
                + "SEMANTICS P-4.10, P-8, INV-26";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<InInstance<TraceEvent>> walk = ProbeQueries.withInstances(trial.trace(), ProbeQueries::containerOf);
        for (int i = 0; i < walk.size(); i++) {
            if (!(walk.get(i).event() instanceof KubeletEvent k) || !isLivenessKill(k)) {
                continue;
            }
            Optional<Container> container = trial.scenario().pod().spec().allContainers()
                    .filter(c -> c.name().equals(k.container()) && c.livenessProbe() != null).findFirst();
            int threshold = container.map(c -> c.livenessProbe().failureThreshold()).orElse(1);
            Long instance = walk.get(i).instanceStartedAt();
            List<ProbeResult> tail = ProbeQueries.last(
                    ProbeQueries.resultsOfInstance(walk, i, k.container(), ProbeKind.liveness, instance), threshold);
            long failures = tail.stream().filter(r -> !r.success()).count();
            if (container.isEmpty() || tail.size() < threshold || failures < threshold) {
                List<TraceEvent> witness = new ArrayList<>(tail);
                witness.add(k);
                return Verdict.violated(String.format(MESSAGE, k.container(), k.at(), trailingFailures(tail),
                        ProbeQueries.describe(instance), threshold), witness);
            }
        }
        return Verdict.HOLDS;
    }

    static boolean isLivenessKill(KubeletEvent event) {
        return event.reason().equals("Killing") && event.message().contains(LIVENESS_KILL);
    }

    private static int trailingFailures(List<ProbeResult> results) {
        int n = 0;
        for (int i = results.size() - 1; i >= 0 && !results.get(i).success(); i--) {
            n++;
        }
        return n;
    }
}
