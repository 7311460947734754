package dev.podcheck.conformance.invariant.image;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.image.ImageEvents.Pull;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.conformance.invariant.update.ImageChanges;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.List;
import java.util.Set;

/**
 * image/pull-retried (SEMANTICS IP-4, IP-5, R-6b): what must happen, and by when. A container that
 * has never run and whose image failed to pull is started again: the failed SyncPod is retried
 * every 10-15 s, and the first retry past the back-off pulls. Judged for containers nothing else
 * holds back: regular ones, and the first init container (a later one waits for the init containers
 * before it, a sidecar in crash-loop back-off included, S-5). A container that ran before is left to
 * restart/always: its crash-loop back-off may hold the start longer.
 */
public final class PullRetried implements Invariant {
    static final String LATE = "container %s's pull of %s failed at %d ms (back-off %d s) and was not retried until %s";
    /** pod_workers.go: a failed sync is retried after wait.Jitter(backOffPeriod 10 s, 0.5). */
    static final long WORKER_RETRY_MAX_MILLIS = 15_000;

    @Override
    public String id() {
        return "image/pull-retried";
    }

    @Override
    public String must() {
        return "When the image of a container that has not run yet failed to pull, the kubelet MUST pull it again"
                + " at its first pod sync past the image back-off, within 15 s of the back-off's end.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/images/image_manager.go EnsureImageExists; pkg/kubelet/pod_workers.go completeWork;"
                + " test/e2e/common/node/runtime.go \"should not be able to pull image from invalid registry\";"
                + " SEMANTICS IP-4, IP-5";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.KUBELET_EVENTS, Observation.PHASE, Observation.DELETION);
    }

    @Override
    public Verdict check(Observed trial) {
        List<Pull> pulls = ImageEvents.pulls(trial.trace());
        ImagePullBackOff backOff = new ImagePullBackOff();
        long stops = RestartDue.stopsAt(trial);
        for (int i = 0; i < pulls.size(); i++) {
            Pull failed = pulls.get(i);
            if (!failed.failed()) {
                continue;
            }
            backOff.failed(failed.image(), failed.until());
            if (hasRun(trial, failed) || !startsOnItsOwn(trial, failed.container())) {
                continue;
            }
            long ready = backOff.allowedFrom(failed.image());
            long due = RestartDue.heldUntil(trial, ready, ready + WORKER_RETRY_MAX_MILLIS) + trial.toleranceMillis();
            if (ImageChanges.changedWithin(trial, failed.container(), failed.from(), due)) {
                // an update gave it another image while this one was pulled or before the retry: that one is pulled
                continue;
            }
            if (stops <= due + RestartDue.longestStartChain(trial) || due >= trial.horizonMillis()) {
                continue; // stopped before the retry was owed, or owed past the end
            }
            Pull retry = pulls.subList(i + 1, pulls.size()).stream()
                    .filter(p -> p.image().equals(failed.image())).findFirst().orElse(null);
            if (retry == null || retry.from() > due) {
                String seen = retry == null ? "the end" : retry.from() + " ms";
                String message = String.format(LATE, failed.container(), failed.image(), failed.until(),
                        backOff.delay(failed.image()) / 1000, seen);
                return retry == null ? Verdict.violated(message, failed.end())
                        : Verdict.violated(message, failed.end(), retry.start());
            }
        }
        return Verdict.HOLDS;
    }

    /** A regular container, or the first init container: no other container's start gates its own. */
    private static boolean startsOnItsOwn(Observed trial, String container) {
        PodSpec spec = trial.scenario().pod().spec();
        return spec.containers().stream().anyMatch(c -> c.name().equals(container))
                || !spec.initContainers().isEmpty() && spec.initContainers().get(0).name().equals(container);
    }

    /** Whether the container started before this pull failed. */
    private static boolean hasRun(Observed trial, Pull pull) {
        return trial.index().all(KubeletEvent.class).stream().anyMatch(e -> e.reason().equals("Started")
                && e.container().equals(pull.container()) && e.at() <= pull.until());
    }
}
