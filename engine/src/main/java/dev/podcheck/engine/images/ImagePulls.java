package dev.podcheck.engine.images;

import dev.podcheck.engine.Fault;
import dev.podcheck.engine.restart.Backoff;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The node's images as one pod's starts meet them, and the kubelet's image manager deciding each
 * start's pull (pkg/kubelet/images/image_manager.go EnsureImageExists; SEMANTICS IP-2..IP-5). Only
 * images the scenario describes are acted; for the others there is no step.
 */
public final class ImagePulls {
    /** kubelet.go NewMainKubelet: flowcontrol.NewBackOff(imageBackOffPeriod 10 s, MaxImageBackOff 300 s). */
    static final long INITIAL_BACK_OFF_MILLIS = 10_000;
    static final long MAX_BACK_OFF_MILLIS = 300_000;

    private final Scenario scenario;
    private final Set<Fault> faults;
    /** Keyed by image: the kubelet keys it by pod UID and image, and there is one pod. */
    private final Backoff backOff = new Backoff(INITIAL_BACK_OFF_MILLIS, MAX_BACK_OFF_MILLIS);
    private final Set<String> pulled = new HashSet<>();
    private final Map<String, Integer> pulls = new HashMap<>();

    public ImagePulls(Scenario scenario, Set<Fault> faults) {
        this.scenario = scenario;
        this.faults = Set.copyOf(faults);
    }

    /** shouldPullImage, then the back-off, for a start of {@code container} at {@code now}. */
    public Optional<PullStep> ensure(Container container, long now) {
        String image = container.image();
        Optional<NodeImage> described = scenario.image(image);
        if (described.isEmpty()) {
            return Optional.empty();
        }
        boolean present = described.get().present() || pulled.contains(image);
        String policy = container.imagePullPolicy();
        boolean pull = "Always".equals(policy) || !present
                || faults.contains(Fault.PULL_POLICY_IGNORED) && "IfNotPresent".equals(policy);
        if ("Never".equals(policy)) {
            return Optional.of(present ? new PullStep.Present(image) : new PullStep.NeverPull(image));
        }
        if (!pull) {
            return Optional.of(new PullStep.Present(image));
        }
        if (backOff.isInBackOffSinceUpdate(image, now) && !faults.contains(Fault.IMAGE_PULL_BACK_OFF_IGNORED)) {
            return Optional.of(new PullStep.InBackOff(image));
        }
        int attempt = pulls.merge(image, 1, Integer::sum) - 1;
        NodeImage node = described.get();
        return Optional.of(new PullStep.Pull(image, node.pullTakes().toMillis(), node.pullFails(attempt)));
    }

    /** The kubelet restarted: its image back-off was in memory only (SEMANTICS KR-3); pulled images stay on the node. */
    public void forgetBackOff() {
        backOff.forgetAll();
    }

    /** The pull ended at {@code now}: the image is on the node, or its back-off grows (backOff.Next). */
    public void ended(PullStep.Pull pull, long now) {
        if (pull.fails()) {
            backOff.next(pull.image(), now, now);
        } else {
            pulled.add(pull.image());
        }
    }
}
