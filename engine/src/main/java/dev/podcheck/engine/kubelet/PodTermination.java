package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.admission.GracefulDeletion;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;

/**
 * How the pod ends: graceful deletion (apiserver BeforeDelete + kubelet SyncTerminatingPod,
 * SEMANTICS T-1..T-11), activeDeadlineSeconds (AD-1, AD-2), eviction (E-6, E-7), and the pod
 * finishing by itself (R-4, S-9). Sidecars get the stop signal after the regular containers,
 * in reverse order (T-8). Finalizers keep the deleted object, final status included, until a
 * client removes them (FZ-2, FZ-3).
 */
final class PodTermination {
    static final String DEADLINE_REASON = "DeadlineExceeded";
    static final String DEADLINE_MESSAGE = "Pod was active on the node longer than the specified deadline";

    private final PodWorker pod;
    /** What the apiserver holds of the pod's deletion; null until the first DELETE. */
    private GracefulDeletion deletion;
    /** The pod is stopping because nothing is left to run (R-4, S-9), not by a pod-level stop. */
    private boolean finishing;
    /** metadata.finalizers is not empty: no DELETE removes the object (FZ-2). */
    private boolean finalizersPending;
    /** A DELETE with grace 0 reached the apiserver: deletionGracePeriodSeconds is 0 (FZ-3). */
    private boolean deletedWithGraceZero;

    PodTermination(PodWorker pod) {
        this.pod = pod;
        this.finalizersPending = !pod.scenario.pod().metadata().finalizers().isEmpty();
    }

    boolean deletionRequested() {
        return deletion != null;
    }

    /** A DELETE at the apiserver (T-1, T-2, T-3) and the kubelet's reaction to it. */
    void delete(DeletePod request) {
        long now = pod.queue.now();
        if (pod.removed) {
            return;
        }
        GracefulDeletion next = GracefulDeletion.after(deletion, now, request.gracePeriodSeconds(), request.force(),
                pod.podGraceSeconds(), pod.trace.phase().isTerminal());
        if (next == null) {
            return;
        }
        long grace = next.gracePeriodSeconds();
        boolean shortening = pod.terminating;
        deletion = next;
        pod.trace.add(new TraceEvent.DeletionRequested(now, grace, request.force(), next.deletionTimestampMillis()));
        if (grace == 0 && !pod.options.has(Fault.FORCE_DELETE_WAITS)) {
            deleteWithGraceZero();
        }
        if (shortening) {
            shorten(grace); // T-6: a shorter grace restarts the stop with it
            return;
        }
        terminate(grace, () -> { });
    }

    /** Every container still being stopped gets the shorter grace (ContainerKiller joins the stop under way). */
    private void shorten(long graceSeconds) {
        for (ContainerRecord rec : pod.byName.values()) {
            if (rec.isRunning() && rec.current.killing) {
                pod.killer.kill(rec, Math.max(graceSeconds, 1), "Stopping container " + rec.name(), () -> true, () -> { });
            }
        }
    }

    /**
     * A DELETE with grace 0 (force, a terminal or unbound pod, the kubelet's final one): the object
     * goes at once unless it has finalizers; then it stays, and the kubelet keeps writing its status
     * (store.go Delete, SEMANTICS FZ-2).
     */
    private void deleteWithGraceZero() {
        deletedWithGraceZero = true;
        if (!finalizersPending || pod.options.has(Fault.FINALIZERS_IGNORED)) {
            remove();
        }
    }

    /** A patch that leaves no finalizer removes a pod already deleted with grace 0 (ShouldDeleteDuringUpdate, FZ-3). */
    void removeFinalizers() {
        if (pod.removed || !finalizersPending) {
            return;
        }
        finalizersPending = false;
        pod.trace.add(new TraceEvent.FinalizersRemoved(pod.queue.now()));
        if (deletedWithGraceZero && !pod.options.has(Fault.FINALIZER_REMOVAL_KEEPS_POD)) {
            remove();
        }
    }

    private void remove() {
        pod.removed = true;
        pod.trace.add(new TraceEvent.PodRemoved(pod.queue.now()));
    }

    /** activeDeadlineSeconds passed since startTime: Failed, DeadlineExceeded, killed with the pod's grace (AD-2). */
    void deadlineExceeded() {
        if (!mayStillFail()) {
            return;
        }
        pod.failedReason = DEADLINE_REASON;
        pod.failedMessage = DEADLINE_MESSAGE;
        pod.trace.add(new TraceEvent.KubeletEvent(pod.queue.now(), DEADLINE_REASON, "", DEADLINE_MESSAGE));
        stop(pod.podGraceSeconds());
    }

    /**
     * A deadline or an eviction still fails a pod that is only finishing by itself (KillPod from
     * SyncPod is no pod-worker termination, R-4), but not one already being deleted, evicted or done.
     */
    private boolean mayStillFail() {
        return !pod.removed && !pod.terminated && (!pod.terminating || finishing) && pod.failedReason.isEmpty();
    }

    /** SyncTerminatingPod with this grace: a new stop, or a shorter grace for the one under way. */
    private void stop(long graceSeconds) {
        if (pod.terminating) {
            shorten(graceSeconds);
        } else {
            terminate(graceSeconds, () -> { });
        }
    }

    /** Node-pressure eviction (E-6, E-7): Failed, Evicted, DisruptionTarget, 1 s grace for a hard threshold. */
    void evict(String resource, String message, PodCondition disruptionTarget, long graceSeconds) {
        if (pod.removed || pod.terminated) {
            return; // evictPod takes any active pod (NP-4): its status func replaces a deletion's or a deadline's
        }
        pod.failedReason = "Evicted";
        pod.failedMessage = message;
        pod.disruption = disruptionTarget;
        pod.trace.add(new TraceEvent.PodEvicted(pod.queue.now(), resource, message));
        pod.trace.add(new TraceEvent.KubeletEvent(pod.queue.now(), "Evicted", "", message));
        stop(graceSeconds);
    }

    /** KillPod from SyncPod: nothing left to run or a failed init container under Never (S-9). */
    void podDone() {
        finishing = true;
        terminate(pod.podGraceSeconds(), () -> { });
    }

    /**
     * Stops the pod: liveness and startup probes stop (T-5), every running container is killed
     * concurrently, sidecars after the regular containers in reverse order; then the final status.
     */
    private void terminate(long requestedGraceSeconds, Runnable then) {
        if (pod.terminating) {
            return;
        }
        // calculateEffectiveGracePeriod: "no matter what, we always supply a grace period of 1" (T-6),
        // so preStop runs even for terminationGracePeriodSeconds 0.
        long graceSeconds = Math.max(requestedGraceSeconds, 1);
        pod.terminating = true;
        pod.byName.values().forEach(rec -> rec.probes.forEach((kind, worker) -> {
            if (kind != ProbeKind.readiness) {
                worker.stop();
            }
        }));
        // Running, or still being stopped by an earlier kill (its process may be gone, the stop is not done).
        List<ContainerRecord> running = pod.byName.values().stream()
                .filter(rec -> rec.isRunning() || (rec.current != null && rec.current.killing && !rec.current.stopFinished))
                .toList();
        int[] left = {running.size()};
        Runnable oneStopped = () -> {
            if (--left[0] == 0) {
                finish(then);
            }
        };
        if (running.isEmpty()) {
            finish(then);
            return;
        }
        for (ContainerRecord rec : running) {
            pod.killer.kill(rec, graceSeconds, "Stopping container " + rec.name(), () -> mayStop(rec), oneStopped);
        }
    }

    /** waitForTurn (kuberuntime_termination_order.go): a sidecar waits for every regular container and later sidecars. */
    private boolean mayStop(ContainerRecord rec) {
        if (!rec.isSidecar() || pod.options.has(Fault.SIDECARS_STOPPED_WITH_APP)) {
            return true;
        }
        if (pod.regulars.stream().anyMatch(ContainerRecord::isRunning)) {
            return false;
        }
        List<ContainerRecord> sidecars = pod.inits.stream().filter(ContainerRecord::isSidecar).toList();
        return sidecars.subList(sidecars.indexOf(rec) + 1, sidecars.size()).stream().noneMatch(ContainerRecord::isRunning);
    }

    /** TerminatePod (T-9): containers that did not finish are reported Terminated, ContainerStatusUnknown, 137. */
    private void finish(Runnable then) {
        long now = pod.queue.now();
        boolean anyRegularStarted = pod.regulars.stream().anyMatch(r -> r.current != null);
        for (ContainerRecord rec : pod.byName.values()) {
            boolean eligible = rec.kind == ContainerRecord.Kind.REGULAR ? anyRegularStarted : rec.current != null;
            boolean endedCleanly = rec.current != null && rec.current.exit != null && rec.waiting == null;
            if (eligible && !endedCleanly) {
                rec.unknownAtTermination = new ContainerState.Terminated(137, "ContainerStatusUnknown", "", 0, now);
            }
        }
        pod.terminated = true;
        pod.publish();
        then.run();
        if (deletion != null && !pod.removed) {
            deleteWithGraceZero(); // the kubelet deletes the object once it is terminal and finished (T-4)
        }
    }
}
