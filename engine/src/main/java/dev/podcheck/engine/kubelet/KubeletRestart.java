package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The node's kubelet restarts (SEMANTICS KR-1..KR-5). The runtime keeps the containers running with their restart
 * counts; what the kubelet held in memory starts again: new probe workers with their initial values (KR-2), no
 * crash-loop or image back-off and no reason cache (KR-3); the restarted kubelet syncs the pod at once. From v1.35 a
 * container running since well before the restart keeps its started and ready until its probes say otherwise (KR-2a).
 */
final class KubeletRestart {
    /** prober_manager.go kubeletRestartGracePeriod: containers started this long before the restart keep status. */
    static final long KEEP_STATUS_STARTED_BEFORE_MS = 10_000;

    private final PodWorker pod;

    KubeletRestart(PodWorker pod) {
        this.pod = pod;
    }

    void restart() {
        long now = pod.queue.now();
        pod.trace.add(new TraceEvent.KubeletRestarted(now));
        if (pod.removed || !pod.admitted()) {
            return; // the pod's first sync, still to come, starts everything from scratch anyway
        }
        if (!pod.options.has(Fault.PROBE_STATE_KEPT_ACROSS_KUBELET_RESTART)) {
            Map<ContainerRecord, Boolean> startedBefore = pod.byName.values().stream()
                    .collect(Collectors.toMap(rec -> rec, ContainerRecord::started));
            pod.startProbeWorkers();
            if (pod.options.profile().keepsStatusOnKubeletRestart()) {
                keepStatus(now, startedBefore, pod.trace.conditionTrue(ConditionType.Ready));
            }
        }
        if (!pod.options.has(Fault.BACK_OFF_KEPT_ACROSS_KUBELET_RESTART)) {
            pod.backOff.forgetAll();
            pod.images.forgetBackOff();
            pod.byName.values().forEach(rec -> {
                if (rec.hasObservedExit()) {
                    rec.waiting = null; // the reason cache is gone: the status shows the last termination
                }
            });
        }
        // The new workers' initial values reach the status manager at once (SetContainerReadiness does not wait for
        // the pod worker), and the new status manager writes the status it is given (KR-2, KR-4).
        pod.publish();
        if (pod.options.has(Fault.KUBELET_RESTART_KILLS_CONTAINERS) && !pod.busy && !pod.terminating) {
            killRunning();
            return;
        }
        if (!pod.terminating) {
            pod.requestSync(now); // HandlePodAdditions: the restarted kubelet syncs every pod it finds
        }
    }

    /**
     * KEP-4781 (ChangeContainerStatusOnKubeletRestart off from v1.35): the new workers of a container running since
     * before the grace period cache no initial value (worker.go isRestart); until they give a result the container
     * stays started as the API showed it (prober_manager.go isContainerStarted) and, with a readiness probe, ready if
     * the pod was Ready (setReadyStateOnKubeletRestart).
     */
    private void keepStatus(long now, Map<ContainerRecord, Boolean> startedBefore, boolean podReady) {
        for (ContainerRecord rec : pod.byName.values()) {
            Instance inst = rec.current;
            if (inst == null || !inst.visible || !inst.isRunning() || inst.startedAt >= now - KEEP_STATUS_STARTED_BEFORE_MS) {
                continue;
            }
            inst.startedKept = startedBefore.get(rec);
            inst.readyKept = podReady;
            rec.probes.values().stream().filter(w -> !w.isStopped()).forEach(w -> w.adopt(inst.serial));
        }
    }

    /** The fault: the restarted kubelet takes the runtime's containers for strays and stops them; later syncs decide. */
    private void killRunning() {
        List<ContainerRecord> running = pod.byName.values().stream()
                .filter(rec -> rec.isRunning() && !rec.current.killing).toList();
        if (running.isEmpty()) {
            pod.requestSync(pod.queue.now());
            return;
        }
        pod.busy = true;
        int[] left = {running.size()};
        for (ContainerRecord rec : running) {
            pod.killer.kill(rec, pod.podGraceSeconds(), "Stopping container " + rec.name(), () -> true, () -> {
                if (--left[0] == 0) {
                    pod.idle();
                    pod.requestSync(pod.queue.now());
                }
            });
        }
    }
}
