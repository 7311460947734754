package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A pod that cannot run here as the scenario means: the scheduler found no node, the image
 * cannot be pulled, or the runtime cannot create its sandbox. Either way the timeline says nothing
 * about the kubelet's semantics, so the trial is inconclusive, never a violation.
 */
final class PendingTrouble {
    /**
     * Failed sandbox creations, with no container started, after which the runtime counts as unable to run the pod:
     * one may be a passing hiccup the kubelet's next SyncPod gets past; on kubelet v1.34 a pod limited to 2Mi failed
     * again 12 s later, and every time after, until its trial's window closed.
     */
    static final int SANDBOX_ATTEMPTS = 2;

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

    /**
     * Why the pod cannot run after {@code failures} FailedCreatePodSandBox events, the last saying {@code message},
     * or empty: fewer than {@link #SANDBOX_ATTEMPTS}, or one of its containers started after all.
     */
    static Optional<String> sandbox(Pod pod, int failures, String message) {
        if (failures < SANDBOX_ATTEMPTS || pod == null || anyStarted(pod)) {
            return Optional.empty();
        }
        return Optional.of("the runtime cannot create the sandbox of pod " + pod.getMetadata().getName() + " ("
                + failures + " attempts): " + message);
    }

    private static boolean anyStarted(Pod pod) {
        PodStatus s = pod.getStatus();
        return s != null && Stream.concat(s.getInitContainerStatuses().stream(), s.getContainerStatuses().stream())
                .anyMatch(c -> c.getState() != null && c.getState().getWaiting() == null
                        || c.getLastState() != null && c.getLastState().getTerminated() != null);
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
