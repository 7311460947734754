package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.Set;

/**
 * probe/readiness-threshold (SEMANTICS P-4.10, P-10, P-11, INV-26), both directions: the worker
 * commits Success after successThreshold successes in a row and Failure after failureThreshold
 * failures in a row (its run is kept across container restarts, section 15), and the status
 * manager sets the container's ready from the committed result at once (SetContainerReadiness).
 * So ready flips to true only after such a run of successes, and while the container runs and is
 * started it must follow a committed result within the target's tolerance.
 */
public final class ReadinessThreshold implements Invariant {
    static final String EARLY = "%s became %s at %d ms after only %d readiness %s in a row (threshold %d)";
    static final String LATE = "%s had %d readiness %s in a row by %d ms (threshold %d) but was still %s at %d ms";

    @Override
    public String id() {
        return "probe/readiness-threshold";
    }

    @Override
    public String must() {
        return "A running, started container with a readiness probe MUST become ready only after successThreshold "
                + "successes in a row, and not ready only after failureThreshold failures in a row, and MUST follow "
                + "such a run within the target's tolerance.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go doProbe; prober_manager.go UpdatePodStatus; status_manager.go "
                + "SetContainerReadiness; SEMANTICS P-4, P-10, P-11, INV-26";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Verdict verdict = Verdict.HOLDS;
        for (Container c : trial.scenario().pod().spec().allContainers().toList()) {
            if (c.readinessProbe() != null) {
                verdict = verdict.and(judge(trial, c.name(), c.readinessProbe()));
            }
        }
        return verdict;
    }

    /** Walks the container's results and statuses; {@code pending} is a committed result not yet shown. */
    private static Verdict judge(Observed trial, String name, Probe probe) {
        int successes = 0;
        int failures = 0;
        ContainerStatus shown = null;
        ProbeResult pending = null;
        for (TraceEvent e : trial.trace().events()) {
            if (pending != null && e.at() > due(trial, pending)) {
                if (eligible(shown) && shown.ready() != pending.success()) {
                    return late(trial, name, probe, pending, shown);
                }
                pending = null;
            }
            if (e instanceof ProbeResult r && r.container().equals(name) && r.probe() == ProbeKind.readiness) {
                successes = r.success() ? successes + 1 : 0;
                failures = r.success() ? 0 : failures + 1;
                boolean commits = r.success() ? successes >= probe.successThreshold()
                        : failures >= probe.failureThreshold();
                pending = commits ? r : pending != null && pending.success() == r.success() ? pending : null;
            } else if (e instanceof ContainerStatusChanged s && s.status().name().equals(name)) {
                boolean flipped = eligible(shown) && eligible(s.status()) && shown.ready() != s.status().ready()
                        && sameInstance(shown, s.status());
                int run = s.status().ready() ? successes : failures;
                int threshold = s.status().ready() ? probe.successThreshold() : probe.failureThreshold();
                if (flipped && run < threshold) {
                    return Verdict.violated(String.format(EARLY, name, s.status().ready() ? "ready" : "not ready",
                            s.at(), run, s.status().ready() ? "successes" : "failures", threshold), s);
                }
                if (pending != null && (!eligible(s.status()) || eligible(shown) && !sameInstance(shown, s.status()))) {
                    pending = null; // a new container ID resets the cached result to Failure (P-2)
                }
                shown = s.status();
            }
        }
        if (pending != null && eligible(shown) && shown.ready() != pending.success()
                && due(trial, pending) < trial.horizonMillis()) {
            return late(trial, name, probe, pending, shown);
        }
        return Verdict.HOLDS;
    }

    private static Verdict late(Observed trial, String name, Probe probe, ProbeResult pending, ContainerStatus shown) {
        long by = due(trial, pending);
        return Verdict.violated(String.format(LATE, name, pending.success() ? probe.successThreshold()
                : probe.failureThreshold(), pending.success() ? "successes" : "failures", pending.at(),
                pending.success() ? probe.successThreshold() : probe.failureThreshold(),
                shown.ready() ? "ready" : "not ready", by), pending);
    }

    /**
     * When the committed result must show: the kubelet writes it at once, outside the pod worker
     * (SetContainerReadiness), so a start or kill under way does not delay it; the target's tolerance
     * allows its timing.
     */
    private static long due(Observed trial, ProbeResult committed) {
        return committed.at() + trial.toleranceMillis();
    }

    /** A new instance starts not ready whatever the run (P-2): only a flip within one instance is judged. */
    private static boolean sameInstance(ContainerStatus a, ContainerStatus b) {
        return ((ContainerState.Running) a.state()).startedAt() == ((ContainerState.Running) b.state()).startedAt()
                && a.restartCount() == b.restartCount();
    }

    /** Readiness decides ready only while the container runs and is started (P-11). */
    private static boolean eligible(ContainerStatus s) {
        return s != null && s.state() instanceof ContainerState.Running && s.started();
    }
}
