package dev.podcheck.conformance.invariant.image;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.image.ImageEvents.Pull;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * image/pull-back-off (SEMANTICS IP-5): what must never happen. After a failed pull, no pull of the
 * same image before its back-off has passed, whichever container of the pod asks for it.
 */
public final class PullBackOff implements Invariant {
    static final String MESSAGE = "image %s was pulled again at %d ms, %d ms after its failed pull at %d ms;"
            + " its back-off was %d s";

    @Override
    public String id() {
        return "image/pull-back-off";
    }

    @Override
    public String must() {
        return "After a failed pull of an image the kubelet MUST NOT pull it again before the image back-off has"
                + " passed: 10 s after the first failure, doubling after each, at most 300 s.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/images/image_manager.go EnsureImageExists (IsInBackOffSinceUpdate); kubelet.go"
                + " imageBackOffPeriod, MaxImageBackOff; SEMANTICS IP-5";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.KUBELET_EVENTS);
    }

    @Override
    public Verdict check(Observed trial) {
        ImagePullBackOff backOff = new ImagePullBackOff();
        Map<String, Pull> lastFailed = new HashMap<>();
        for (Pull pull : ImageEvents.pulls(trial.trace())) {
            Pull failed = lastFailed.get(pull.image());
            if (failed != null && pull.from() + trial.toleranceMillis() < backOff.allowedFrom(pull.image())) {
                return Verdict.violated(String.format(MESSAGE, pull.image(), pull.from(), pull.from() - failed.until(),
                        failed.until(), backOff.delay(pull.image()) / 1000), failed.end(), pull.start());
            }
            if (pull.failed()) {
                backOff.failed(pull.image(), pull.until());
                lastFailed.put(pull.image(), pull);
            }
        }
        return Verdict.HOLDS;
    }
}
