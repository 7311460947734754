package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.probe.ProbeQueries.InInstance;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.List;
import java.util.Set;

/**
 * probe/readiness-never-kills (SEMANTICS P-10): readiness only flips ready. A kill that blames a
 * probe must name liveness or startup, and that probe must have failed in the killed instance; so a
 * readiness failure passed off as a liveness kill is caught too.
 */
public final class ReadinessNeverKills implements Invariant {
    static final String MESSAGE = "%s was killed at %d ms for a probe (\"%s\") although no liveness or startup "
            + "probe of %s failed";

    @Override
    public String id() {
        return "probe/readiness-never-kills";
    }

    @Override
    public String must() {
        return "A failed readiness probe MUST NOT kill a container: every probe kill names a liveness or startup "
                + "probe that failed in the killed instance.";
    }

    @Override
    public String source() {
        return "kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle (readinessProbe); "
                + "kuberuntime_manager.go computePodActions; SEMANTICS P-10";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        List<InInstance<TraceEvent>> walk = ProbeQueries.withInstances(trial);
        for (int i = 0; i < walk.size(); i++) {
            if (!(walk.get(i).event() instanceof KubeletEvent k) || !blamesAProbe(k)) {
                continue;
            }
            Long instance = walk.get(i).instanceStartedAt();
            ProbeKind blamed = k.message().contains("failed startup probe") ? ProbeKind.startup
                    : k.message().contains("failed liveness probe") ? ProbeKind.liveness : null;
            boolean failed = blamed != null && ProbeQueries.resultsOfInstance(walk, i, k.container(), blamed, instance)
                    .stream().anyMatch(r -> !r.success());
            if (!failed) {
                return Verdict.violated(String.format(MESSAGE, k.container(), k.at(), k.message(),
                        ProbeQueries.describe(instance)), k);
            }
        }
        return Verdict.HOLDS;
    }

    private static boolean blamesAProbe(KubeletEvent event) {
        return event.reason().equals("Killing") && event.message().contains(" probe");
    }
}
