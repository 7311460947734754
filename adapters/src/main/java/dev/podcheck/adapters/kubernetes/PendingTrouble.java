package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A pod that cannot run here as the scenario means: the scheduler found no node, or the image
 * cannot be pulled. Either way the timeline says nothing about the kubelet's semantics, so the
 * trial is inconclusive, never a violation.
 */
final class PendingTrouble {
    /** Waiting reasons of a pull that failed (pkg/kubelet/images/types.go). */
    static final Set<String> PULL_FAILURES = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "ErrImageNeverPull");

    private PendingTrouble() {}

    /** Why the pod cannot run, or empty. */
    static Optional<String> of(Pod pod) {
        PodStatus s = pod.getStatus();
        if (s == null) {
            return Optional.empty();
        }
        Optional<String> unschedulable = s.getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus())
                        && "Unschedulable".equals(c.getReason()))
                .map(c -> "pod " + pod.getMetadata().getName() + " cannot be scheduled: " + c.getMessage())
                .findFirst();
        if (unschedulable.isPresent()) {
            return unschedulable;
        }
        return Stream.concat(s.getInitContainerStatuses().stream(), s.getContainerStatuses().stream())
                .filter(c -> c.getState() != null && c.getState().getWaiting() != null
                        && PULL_FAILURES.contains(c.getState().getWaiting().getReason()))
                .map(PendingTrouble::pullFailure)
                .findFirst();
    }

    /** Whether the scheduler has bound the pod to a node. */
    static boolean scheduled(Pod pod) {
        return pod.getSpec() != null && pod.getSpec().getNodeName() != null
                || pod.getStatus() != null && pod.getStatus().getConditions().stream()
                        .anyMatch(c -> "PodScheduled".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String pullFailure(ContainerStatus c) {
        return "the image " + c.getImage() + " of container " + c.getName() + " cannot be pulled ("
                + c.getState().getWaiting().getReason() + (c.getState().getWaiting().getMessage() == null ? ""
                : ": " + c.getState().getWaiting().getMessage()) + "); with kind, load it first: kind load docker-image IMAGE";
    }
}
