package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
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
            + "since its last liveness kill; its failureThreshold is %d";
    /** The kubelet's Killing message for a liveness kill (kuberuntime_manager.go computePodActions). */
    static final String LIVENESS_KILL = "failed liveness probe";

    @Override
    public String id() {
        return "probe/liveness-threshold";
    }

    @Override
    public String must() {
        return "A container MUST be killed for its liveness probe only after failureThreshold consecutive failed "
                + "liveness results since its last liveness kill.";
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

    /**
     * The run of results is the probe worker's, kept across container restarts: worker.go resets it
     * only when a liveness failure is committed (onHold), not for a new container ID.
     */
    @Override
    public Verdict check(Observed trial) {
        java.util.Map<String, List<ProbeResult>> since = new java.util.HashMap<>();
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof ProbeResult r && r.probe() == ProbeKind.liveness) {
                since.computeIfAbsent(r.container(), c -> new ArrayList<>()).add(r);
            } else if (e instanceof KubeletEvent k && isLivenessKill(k)) {
                List<ProbeResult> results = since.getOrDefault(k.container(), List.of());
                Verdict verdict = judge(trial, k, results);
                if (verdict != Verdict.HOLDS) {
                    return verdict;
                }
                since.remove(k.container());
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict judge(Observed trial, KubeletEvent kill, List<ProbeResult> results) {
        Optional<Container> container = trial.scenario().pod().spec().allContainers()
                .filter(c -> c.name().equals(kill.container()) && c.livenessProbe() != null).findFirst();
        int threshold = container.map(c -> c.livenessProbe().failureThreshold()).orElse(1);
        List<ProbeResult> tail = results.subList(Math.max(0, results.size() - threshold), results.size());
        if (container.isEmpty() || tail.size() < threshold || tail.stream().anyMatch(ProbeResult::success)) {
            List<TraceEvent> witness = new ArrayList<>(tail);
            witness.add(kill);
            return Verdict.violated(String.format(MESSAGE, kill.container(), kill.at(), trailingFailures(tail), threshold),
                    witness);
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
