package dev.podcheck.engine.kubelet;

import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.util.Deque;

/**
 * Starting containers: the kubelet's startContainer is synchronous (SEMANTICS S-3), so one
 * SyncPod starts its containers one after another, image pull (ImageSteps) and postStart included, and the
 * pod worker is busy until the last start returns. Also where a started process's own end
 * (exit, OOM kill) is put on the timeline.
 */
final class ContainerStarts {
    private final PodWorker pod;

    ContainerStarts(PodWorker pod) {
        this.pod = pod;
    }

    /** startContainer is synchronous (S-3): each start, pull and postStart included, delays the next. */
    void startAll(Deque<ContainerRecord> toStart) {
        if (toStart.isEmpty()) {
            return;
        }
        pod.busy = true;
        toStart.forEach(rec -> rec.starting = true);
        startNext(toStart);
    }

    private void startNext(Deque<ContainerRecord> toStart) {
        ContainerRecord rec = toStart.poll();
        if (rec == null || pod.terminating) {
            toStart.forEach(r -> r.starting = false);
            pod.idle();
            return;
        }
        pod.imageSteps.ensure(rec, () -> create(rec, toStart), () -> startFailed(rec, toStart));
    }

    private void create(ContainerRecord rec, Deque<ContainerRecord> toStart) {
        // No status write here: SyncPod is busy starting it; the next status shows the new container.
        Instance inst = rec.newInstance();
        InstanceBehaviour b = inst.behaviour;
        pod.queue.at(pod.queue.now() + b.startAfter().toMillis(), () -> processStarted(rec, inst, toStart));
    }

    /**
     * The start failed before a container existed (the image, IP-4). SyncPod goes on with the next
     * sidecar or regular container but returns at a regular init container (kuberuntime_manager.go
     * SyncPod); either way it fails, and the pod worker retries it after its back-off period (R-6b).
     */
    private void startFailed(ContainerRecord rec, Deque<ContainerRecord> toStart) {
        rec.starting = false;
        if (rec.kind == ContainerRecord.Kind.INIT) {
            toStart.forEach(r -> r.starting = false);
            toStart.clear();
        }
        pod.requestSync(pod.queue.now() + PodWorker.WORKER_BACK_OFF_MILLIS);
        startNext(toStart);
    }

    private void processStarted(ContainerRecord rec, Instance inst, Deque<ContainerRecord> toStart) {
        long now = pod.queue.now();
        if (pod.terminating) {
            // The pod is being stopped: SyncTerminatingPod cancels the sync that was starting it.
            rec.starting = false;
            startNext(toStart);
            return;
        }
        inst.startedAt = now;
        pod.trace.add(new TraceEvent.KubeletEvent(now, "Created", rec.name(), "Created container " + rec.name()));
        pod.trace.add(new TraceEvent.KubeletEvent(now, "Started", rec.name(), "Started container " + rec.name()));
        long exitAt = scheduleExit(rec, inst);
        boolean hasPostStart = rec.spec.lifecycle() != null && rec.spec.lifecycle().postStart() != null;
        if (!hasPostStart) {
            startReturned(rec, inst, toStart);
            return;
        }
        HookBehaviour hook = inst.behaviour.postStart();
        pod.trace.add(new TraceEvent.HookStarted(now, rec.name(), Hook.postStart));
        // The hook execs into the container: if the process dies first, the hook fails with it.
        long hookEnd = now + hook.takes().toMillis();
        boolean diesFirst = exitAt < hookEnd;
        pod.queue.at(diesFirst ? exitAt : hookEnd, () -> {
            boolean failed = diesFirst || hook.fails();
            pod.trace.add(new TraceEvent.HookFinished(pod.queue.now(), rec.name(), Hook.postStart, failed));
            if (diesFirst) {
                pod.trace.add(new TraceEvent.KubeletEvent(pod.queue.now(), "FailedPostStartHook", rec.name(),
                        "PostStartHook failed"));
            }
            if (hook.fails() && inst.exit == null) {
                // S-3: a failed postStart kills the container (FailedPostStartHook, normal grace).
                pod.trace.add(new TraceEvent.KubeletEvent(pod.queue.now(), "FailedPostStartHook", rec.name(),
                        "PostStartHook failed"));
                inst.visible = true;
                pod.publish(); // the runtime shows it running while the kubelet kills it
                pod.killer.kill(rec, pod.podGraceSeconds(), "FailedPostStartHook", () -> true, () -> startReturned(rec, inst, toStart));
                return;
            }
            startReturned(rec, inst, toStart);
        });
    }

    private void startReturned(ContainerRecord rec, Instance inst, Deque<ContainerRecord> toStart) {
        inst.visible = true;
        rec.starting = false;
        pod.publish();
        pod.probes.triggerReadiness(rec);
        // The kubelet sees the new state at its next relist, which asks for the next SyncPod.
        pod.requestSync(pod.nextRelist(pod.queue.now()));
        startNext(toStart);
    }

    /** The process exits by itself, or the kernel OOM-kills it past its memory limit (E-11). */
    /** Schedules the exit the behaviour leads to, if any, and returns its time (MAX_VALUE for none). */
    private long scheduleExit(ContainerRecord rec, Instance inst) {
        long exitAt = Long.MAX_VALUE;
        int code = 0;
        String reason = "";
        if (inst.behaviour.exit() != null) {
            exitAt = inst.startedAt + inst.behaviour.exit().after().toMillis();
            code = inst.behaviour.exit().code();
            reason = code == 0 ? "Completed" : "Error";
        }
        Quantity limit = rec.spec.resources().limit(ResourceRequirements.MEMORY).orElse(null);
        if (limit != null) {
            for (MemoryUse step : inst.behaviour.memory()) {
                long at = inst.startedAt + step.from().toMillis();
                if (step.bytes().compareTo(limit) > 0 && at < exitAt) {
                    exitAt = at;
                    code = 137;
                    reason = "OOMKilled";
                    break;
                }
            }
        }
        if (exitAt == Long.MAX_VALUE) {
            return exitAt;
        }
        int exitCode = code;
        String exitReason = reason;
        pod.queue.at(exitAt, () -> {
            if (inst.exit != null) {
                return;
            }
            inst.exit = rec.exit(inst, exitCode, exitReason, "", pod.queue.now());
            if (inst.killing) {
                if (inst.onExitWhileKilled != null) {
                    inst.onExitWhileKilled.run(); // StopContainer returns: the process is gone
                } else if (inst.onExitDuringPreStop != null) {
                    inst.onExitDuringPreStop.run(); // the preStop exec fails with its container
                }
                return; // waiting for its turn: the kill notices it when it would send the signal
            }
            pod.relistAt(pod.nextRelist(pod.queue.now()));
        });
        return exitAt;
    }
}
