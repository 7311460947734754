package dev.podcheck.conformance.invariant.image;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.image.ImageEvents.Pull;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * image/pull-policy (SEMANTICS IP-2): what must never happen. No pull under imagePullPolicy Never,
 * and none under IfNotPresent of an image on the node: there before the pod, or pulled since.
 */
public final class PullPolicy implements Invariant {
    static final String NEVER = "container %s pulled image %s at %d ms under imagePullPolicy Never";
    static final String PRESENT = "container %s pulled image %s at %d ms under imagePullPolicy IfNotPresent,"
            + " though the image was on the node %s";

    @Override
    public String id() {
        return "image/pull-policy";
    }

    @Override
    public String must() {
        return "The kubelet MUST NOT pull a container's image under imagePullPolicy Never, nor under IfNotPresent"
                + " when the image is on the node.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/images/image_manager.go shouldPullImage; SEMANTICS IP-2";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.KUBELET_EVENTS, Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        Map<String, KubeletEvent> pulled = new HashMap<>();
        for (Pull pull : ImageEvents.pulls(trial.trace())) {
            String policy = trial.scenario().pod().spec().allContainers()
                    .filter(c -> c.name().equals(pull.container())).map(Container::imagePullPolicy)
                    .findFirst().orElse("");
            boolean before = trial.scenario().image(pull.image()).map(NodeImage::present).orElse(false);
            Optional<KubeletEvent> since = Optional.ofNullable(pulled.get(pull.image()));
            if (policy.equals("Never")) {
                return Verdict.violated(String.format(NEVER, pull.container(), pull.image(), pull.from()), pull.start());
            }
            if (policy.equals("IfNotPresent") && (before || since.isPresent())) {
                String how = since.map(e -> "(pulled at " + e.at() + " ms)").orElse("(before the pod)");
                return Verdict.violated(String.format(PRESENT, pull.container(), pull.image(), pull.from(), how),
                        pull.start());
            }
            if (pull.end() != null && !pull.failed()) {
                pulled.putIfAbsent(pull.image(), pull.end());
            }
        }
        return Verdict.HOLDS;
    }
}
