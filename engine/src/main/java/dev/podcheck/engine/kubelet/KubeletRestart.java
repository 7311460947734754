package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;

/**
 * The node's kubelet restarts (SEMANTICS KR-1..KR-5). The runtime keeps the containers running with their restart
 * counts; what the kubelet held in memory starts again: new probe workers with their initial values (KR-2), no
 * crash-loop or image back-off and no reason cache (KR-3); the restarted kubelet syncs the pod at once.
 */
final class KubeletRestart {
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
            pod.startProbeWorkers();
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
