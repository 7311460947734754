package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.images.PullStep;
import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.Optional;

/**
 * The first part of startContainer (SEMANTICS S-3, IP-2..IP-6): the image manager's step for the
 * container, its events, and the reason the status shows when the start fails there.
 */
final class ImageSteps {
    private final PodWorker pod;

    ImageSteps(PodWorker pod) {
        this.pod = pod;
    }

    /** Runs {@code created} once the image is there, or {@code failed} when the start fails on it. */
    void ensure(ContainerRecord rec, Runnable created, Runnable failed) {
        long now = pod.queue.now();
        Optional<PullStep> step = pod.images.ensure(rec.spec, now);
        if (step.isEmpty()) {
            created.run();
        } else if (step.get() instanceof PullStep.Present present) {
            event(now, "Pulled", rec, present.message());
            created.run();
        } else if (step.get() instanceof PullStep.NeverPull never) {
            refuse(rec, "ErrImageNeverPull", "ErrImageNeverPull", never.message());
            failed.run();
        } else if (step.get() instanceof PullStep.InBackOff backOff) {
            refuse(rec, "BackOff", "ImagePullBackOff", backOff.message());
            failed.run();
        } else if (step.get() instanceof PullStep.Pull pull) {
            event(now, "Pulling", rec, pull.startMessage());
            pod.queue.at(now + pull.takesMillis(), () -> pulled(rec, pull, created, failed));
        }
    }

    private void pulled(ContainerRecord rec, PullStep.Pull pull, Runnable created, Runnable failed) {
        long now = pod.queue.now();
        pod.images.ended(pull, now);
        if (pull.fails()) {
            event(now, "Failed", rec, "Failed to pull image \"" + pull.image() + "\": " + pull.error());
            event(now, "Failed", rec, "Error: ErrImagePull");
            rec.waiting = new ContainerState.Waiting("ErrImagePull", pull.error());
            failed.run();
            return;
        }
        // Image size left out: podcheck does not model it (upstream appends ". Image size: N bytes.").
        String took = Durations.format(Duration.ofMillis(pull.takesMillis()));
        event(now, "Pulled", rec, "Successfully pulled image \"" + pull.image() + "\" in " + took
                + " (" + took + " including waiting)");
        created.run();
    }

    /**
     * The image manager's event, then startContainer's {@code Error: <reason>} (event Failed). Each
     * retry repeats them upstream, where the event recorder folds them into a count: here once per
     * spell of the same reason.
     */
    private void refuse(ContainerRecord rec, String eventReason, String waitingReason, String message) {
        if (rec.waiting == null || !rec.waiting.reason().equals(waitingReason)) {
            long now = pod.queue.now();
            event(now, eventReason, rec, message);
            event(now, "Failed", rec, "Error: " + waitingReason);
        }
        rec.waiting = new ContainerState.Waiting(waitingReason, message);
    }

    private void event(long at, String reason, ContainerRecord rec, String message) {
        pod.trace.add(new KubeletEvent(at, reason, rec.name(), message));
    }
}
