package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.probe.ProbeTarget;
import dev.podcheck.engine.probe.ProbeWorker;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Drives the probe workers on the timeline: their tickers, the readiness run the status manager
 * triggers, and what a committed result does (readiness and startup change the status, liveness
 * and startup failures kill and restart, SEMANTICS P-3..P-11, R-3).
 */
final class ProbeDriver {
    private final PodWorker pod;

    ProbeDriver(PodWorker pod) {
        this.pod = pod;
    }

    /** The worker's ticker; a manual trigger restarts it, so older ticks are dropped by generation. */
    void scheduleTick(ContainerRecord rec, ProbeWorker worker, long at) {
        long[] generations = rec.tickGenerations;
        int kind = worker.kind().ordinal();
        long generation = ++generations[kind];
        pod.queue.at(at, () -> {
            if (generations[kind] == generation) {
                probeTick(rec, worker);
            }
        });
    }

    /**
     * UpdatePodStatus triggers a readiness run at once while the result is not yet Success, e.g.
     * when a container has just started (prober_manager.go, SEMANTICS P-3, P-11).
     */
    void triggerReadiness(ContainerRecord rec) {
        ProbeWorker readiness = rec.probes.get(ProbeKind.readiness);
        if (readiness != null && !Boolean.TRUE.equals(readiness.resultFor(rec.current.serial)) && rec.started()) {
            scheduleTick(rec, readiness, pod.queue.now());
        }
    }

    private void probeTick(ContainerRecord rec, ProbeWorker worker) {
        if (pod.removed || worker.isStopped()) {
            return;
        }
        long now = pod.queue.now();
        Instance inst = rec.current;
        boolean visible = inst != null && inst.visible;
        boolean passes = visible && inst.exit == null
                && inst.behaviour.health(worker.kind()).passesAtMillis(now - inst.startedAt);
        ProbeTarget target = new ProbeTarget(visible ? inst.serial : -1,
                visible && (inst.exit == null || !inst.observed), visible ? inst.startedAt : 0, rec.started(),
                pod.trace.phase().isTerminal(), pod.termination.deletionRequested(), pod.terminating, passes);
        ProbeWorker.Outcome outcome = worker.tick(now, target);
        if (outcome.ran()) {
            pod.trace.add(new TraceEvent.ProbeResult(now, rec.name(), worker.kind(), outcome.success()));
            if (!outcome.success()) {
                pod.trace.add(new TraceEvent.KubeletEvent(now, "Unhealthy", rec.name(), probeFailed(worker.kind())));
            }
        }
        if (outcome.errored()) {
            pod.trace.add(new TraceEvent.KubeletEvent(now, "Unhealthy", rec.name(), probeErrored(worker.kind())));
        }
        if (outcome.committed() != null) {
            onProbeResult(rec, worker.kind(), outcome.committed());
        }
        if (!worker.isStopped()) {
            scheduleTick(rec, worker, now + worker.periodMillis());
        }
    }

    /** The Unhealthy event message, as constants: failing probes emit it at every period. */
    private static String probeFailed(ProbeKind kind) {
        return switch (kind) {
            case startup -> "Startup probe failed";
            case liveness -> "Liveness probe failed";
            case readiness -> "Readiness probe failed";
        };
    }

    /** prober.go probe: an exec probe whose context was cancelled (SEMANTICS P-13). */
    private static String probeErrored(ProbeKind kind) {
        return probeFailed(kind).replace("failed",
                "errored and resulted in unknown state: rpc error: code = Canceled desc = context canceled");
    }

    /** A committed probe result: readiness and startup change the status; failures kill (P-8, P-9). */
    private void onProbeResult(ContainerRecord rec, ProbeKind kind, boolean success) {
        if (!pod.busy) {
            pod.publish();
        } else if (kind != ProbeKind.liveness) {
            // While a SyncPod is busy, the status waits for it (a status generated now would show runtime
            // changes, a kill's exit, the SyncPod has not dealt with yet), but readiness and startup do not.
            pod.writeProbeResult(rec, kind);
        }
        if (kind == ProbeKind.readiness || pod.terminating) {
            return;
        }
        if (success) {
            triggerReadiness(rec);
            pod.requestSync(pod.queue.now()); // a started sidecar lets the next init container start (S-5)
            return;
        }
        Instance inst = rec.current;
        if (inst == null || !inst.isRunning() || inst.killing) {
            return;
        }
        Long probeGrace = rec.spec.probe(kind).terminationGracePeriodSeconds();
        long grace = probeGrace != null ? probeGrace : pod.podGraceSeconds();
        String message = "Container " + rec.name() + " failed " + kind + " probe, will be restarted";
        if (pod.busy) {
            // The kill is a SyncPod action: it waits for the SyncPod under way to return.
            // A verdict is about this container: a restart meanwhile makes it moot (results are per container ID).
            pod.whenIdle.add(() -> {
                if (rec.current == inst) {
                    onProbeResult(rec, kind, success);
                }
            });
            return;
        }
        pod.busy = true;
        pod.killer.kill(rec, grace, message, () -> true, false, () -> restartAfterProbeKill(rec));
    }

    /** restarted in the same SyncPod unless the pod restartPolicy is Never (sidecars always, S-8). */
    private void restartAfterProbeKill(ContainerRecord rec) {
        pod.idle();
        boolean restart = rec.isSidecar() || pod.spec.restartPolicyValue() != RestartPolicy.Never;
        if (!restart || pod.terminating) {
            pod.publish();
        }
        if (restart && !pod.terminating) {
            // doBackOff looks at the status taken before the kill: only an earlier exited instance
            // counts, so the first probe kill restarts at once (kuberuntime_manager.go doBackOff).
            ContainerState.Terminated earlier = rec.previousExit;
            if (earlier != null) {
                if (pod.backOff.isInBackOffSince(rec.backOffKey(), earlier.finishedAt(), pod.queue.now())) {
                    pod.publish();
                    pod.sync(); // in back-off: the next SyncPod waits it out from this exit
                    return;
                }
                pod.backOff.next(rec.backOffKey(), earlier.finishedAt(), pod.queue.now());
            }
            Deque<ContainerRecord> one = new ArrayDeque<>();
            one.add(rec);
            pod.starts.startAll(one);
        } else {
            pod.sync();
        }
    }
}
