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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * probe/liveness-threshold and probe/startup-threshold (SEMANTICS P-4.10, P-8, P-9, INV-26): a
 * liveness or startup kill needs failureThreshold failures in a row of that probe. The run of
 * results is the probe worker's, kept across container restarts: worker.go doProbe resets it only
 * when it commits a Failure (onHold), not for a new container ID, alike for both probes.
 */
public final class FailureThreshold implements Invariant {
    static final String MESSAGE = "%s was killed for %s at %d ms after %d consecutive failed %s results "
            + "since its last %s kill; its failureThreshold is %d";

    private final ProbeKind kind;

    private FailureThreshold(ProbeKind kind) {
        this.kind = kind;
    }

    public static FailureThreshold liveness() {
        return new FailureThreshold(ProbeKind.liveness);
    }

    public static FailureThreshold startup() {
        return new FailureThreshold(ProbeKind.startup);
    }

    @Override
    public String id() {
        return "probe/" + kind + "-threshold";
    }

    @Override
    public String must() {
        return "A container MUST be killed for its " + kind + " probe only after failureThreshold consecutive failed "
                + kind + " results since its last " + kind + " kill.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go doProbe (resultRun, onHold); kuberuntime_manager.go computePodActions; "
                + "SEMANTICS P-4.10, " + (kind == ProbeKind.liveness ? "P-8" : "P-9") + ", INV-26";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        Map<String, List<ProbeResult>> since = new HashMap<>();
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof ProbeResult r && r.probe() == kind) {
                since.computeIfAbsent(r.container(), c -> new ArrayList<>()).add(r);
            } else if (e instanceof KubeletEvent k && KillAtThreshold.isKill(k, kind)) {
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

    private Verdict judge(Observed trial, KubeletEvent kill, List<ProbeResult> results) {
        Optional<Container> container = trial.scenario().pod().spec().allContainers()
                .filter(c -> c.name().equals(kill.container()) && c.probe(kind) != null).findFirst();
        int threshold = container.map(c -> c.probe(kind).failureThreshold()).orElse(1);
        List<ProbeResult> tail = results.subList(Math.max(0, results.size() - threshold), results.size());
        if (container.isEmpty() || tail.size() < threshold || tail.stream().anyMatch(ProbeResult::success)) {
            List<TraceEvent> witness = new ArrayList<>(tail);
            witness.add(kill);
            return Verdict.violated(String.format(MESSAGE, kill.container(), kind, kill.at(), trailingFailures(tail), kind,
                    kind, threshold),
                    witness);
        }
        return Verdict.HOLDS;
    }

    private static int trailingFailures(List<ProbeResult> results) {
        int n = 0;
        for (int i = results.size() - 1; i >= 0 && !results.get(i).success(); i--) {
            n++;
        }
        return n;
    }
}
