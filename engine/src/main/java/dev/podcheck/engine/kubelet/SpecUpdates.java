package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.admission.PodUpdate;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.scenario.UpdatePod;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's update of the pod's spec (SEMANTICS SU-1..SU-4): the apiserver accepts or refuses it
 * (ValidatePodUpdate), and the kubelet's pod worker syncs the pod it sees changed: a running
 * container or sidecar whose image changed is killed and started again at once (computePodActions:
 * a changed spec hash), whatever the restartPolicy; a shorter deadline counts from then on.
 */
final class SpecUpdates {
    private final PodWorker pod;
    /** The pod as the apiserver stores it, accepted updates applied. */
    private Pod stored;

    SpecUpdates(PodWorker pod) {
        this.pod = pod;
        this.stored = pod.scenario.pod();
    }

    void update(UpdatePod update) {
        if (pod.removed) {
            return; // nothing to update
        }
        long now = pod.queue.now();
        PodUpdate answer = PodUpdate.of(stored, update);
        if (!answer.accepted() && !pod.options.has(Fault.UPDATE_VALIDATION_SKIPPED)) {
            pod.trace.add(new TraceEvent.UpdateRefused(now, answer.message()));
            return;
        }
        stored = stored.withSpec(answer.accepted() ? answer.updated().spec() : appliedAnyway(update));
        Map<String, String> images = new LinkedHashMap<>();
        update.containers().forEach((name, change) -> images.put(name, change.image()));
        pod.trace.add(new TraceEvent.PodUpdated(now, images, update.activeDeadlineSeconds()));
        if (update.activeDeadlineSeconds() != null) {
            pod.activeDeadline(update.activeDeadlineSeconds());
        }
        images.forEach((name, image) -> {
            ContainerRecord rec = pod.byName.get(name);
            if (rec != null && !rec.spec.image().equals(image)) {
                rec.spec = rec.spec.withImage(image);
                restartIfRunning(rec);
            }
        });
    }

    /** What a pod without the apiserver's check would store (UPDATE_VALIDATION_SKIPPED): the deadline as asked. */
    private PodSpec appliedAnyway(UpdatePod update) {
        Long deadline = update.activeDeadlineSeconds();
        return deadline == null ? stored.spec() : stored.spec().withActiveDeadlineSeconds(deadline);
    }

    /**
     * A regular init container is never run again (computeInitContainerActions leaves a done one
     * alone); one not running takes the new image at its next start, which the sync may make now.
     */
    private void restartIfRunning(ContainerRecord rec) {
        Instance inst = rec.current;
        boolean running = inst != null && inst.isRunning() && !inst.killing;
        if (rec.kind == ContainerRecord.Kind.INIT || !running || pod.terminating
                || pod.options.has(Fault.IMAGE_UPDATE_IGNORED)) {
            pod.requestSync(pod.queue.now());
            return;
        }
        if (pod.busy) {
            pod.whenIdle.add(() -> {
                if (rec.current == inst) {
                    restartIfRunning(rec);
                }
            });
            return;
        }
        pod.busy = true;
        String message = rec.isSidecar() ? "Init container " + rec.name() + " definition changed"
                : "Container " + rec.name() + " definition changed, will be restarted";
        pod.killer.kill(rec, pod.podGraceSeconds(), message, () -> true, false, () -> started(rec));
    }

    /** Started again in the same SyncPod; the new image is a new back-off key, so doBackOff lets it (SU-3). */
    private void started(ContainerRecord rec) {
        pod.idle();
        if (pod.terminating || !pod.mayStart(rec)) {
            pod.publish();
            pod.sync();
            return;
        }
        Deque<ContainerRecord> one = new ArrayDeque<>();
        one.add(rec);
        pod.starts.startAll(one);
    }
}
