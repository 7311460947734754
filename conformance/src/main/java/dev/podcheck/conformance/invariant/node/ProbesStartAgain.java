package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * node/probes-start-again (SEMANTICS KR-2): what must never happen. A restarted kubelet has new probe workers with
 * empty result caches: until a readiness (startup) probe succeeds again, a container with one is reported not ready
 * (not started), however it was reported before. (A real node's status manager may write the False and the True of a
 * first probe that passes at once as one status; podcheck's real targets do not restart their kubelet.) From v1.35
 * (KEP-4781, KR-2a) this holds only for a container started within 10 s before the restart: one running longer keeps
 * its status.
 */
public final class ProbesStartAgain implements Invariant {
    static final String MESSAGE = "%s was %s at the kubelet restart at %d ms and was never reported otherwise before its"
            + " %s probe succeeded again at %d ms";

    @Override
    public String id() {
        return "node/probes-start-again";
    }

    @Override
    public String must() {
        return "After a kubelet restart, a container MUST be reported not ready (not started) until its readiness"
                + " (startup) probe has succeeded again.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/prober_manager.go NewManager, UpdatePodStatus, isContainerStarted; worker.go newWorker"
                + " (initial values); SEMANTICS KR-2, P-2, P-11";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.PROBE_RESULTS, Observation.WORLD_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        for (Disruptions.At restart : Disruptions.of(trial.trace(), TraceEvent.KubeletRestarted.class)) {
            if (Disruptions.stopping(trial.trace(), restart.at())) {
                continue;
            }
            for (Container c : trial.scenario().pod().spec().allContainers().toList()) {
                Verdict v = reportedAgain(trial, restart, c, ProbeKind.readiness, "ready", ContainerStatus::ready);
                if (v == Verdict.HOLDS) {
                    v = reportedAgain(trial, restart, c, ProbeKind.startup, "started", ContainerStatus::started);
                }
                if (v != Verdict.HOLDS) {
                    return v;
                }
            }
        }
        return Verdict.HOLDS;
    }

    /** KR-2a: a release that keeps a container's status across a restart, for a container running long enough. */
    private static boolean keepsStatus(Observed trial, ContainerStatus status, long restartAt) {
        return trial.release().keepsStatusOnKubeletRestart() && status.state() instanceof ContainerState.Running running
                && running.startedAt() < restartAt - KEEP_STATUS_STARTED_BEFORE_MS;
    }

    /** prober_manager.go kubeletRestartGracePeriod: 10 s before the kubelet's start. */
    private static final long KEEP_STATUS_STARTED_BEFORE_MS = 10_000;

    private static Verdict reportedAgain(Observed trial, Disruptions.At restart, Container c, ProbeKind kind,
                                         String word, Predicate<ContainerStatus> flag) {
        if (c.probe(kind) == null || !Disruptions.statusBefore(trial.trace(), c.name(), restart.index())
                .filter(s -> s.isRunning() && flag.test(s) && !keepsStatus(trial, s, restart.at())).isPresent()) {
            return Verdict.HOLDS;
        }
        List<TraceEvent> events = trial.trace().events();
        for (int i = restart.index() + 1; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof ContainerStatusChanged s && s.status().name().equals(c.name()) && !flag.test(s.status())) {
                return Verdict.HOLDS;
            }
            if (e instanceof ProbeResult r && r.container().equals(c.name()) && r.probe() == kind && r.success()) {
                return Verdict.violated(String.format(MESSAGE, c.name(), word, restart.at(), kind, r.at()),
                        restart.event(), r);
            }
        }
        return Verdict.HOLDS;
    }
}
