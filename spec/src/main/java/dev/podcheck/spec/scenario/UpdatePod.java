package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import dev.podcheck.spec.pod.Immutables;
import java.time.Duration;
import java.util.Map;

/**
 * A client updates the pod's spec at {@code at} (a patch, SEMANTICS SU-1): the images of containers
 * or init containers by name, and activeDeadlineSeconds. The apiserver may refuse it (ValidatePodUpdate);
 * an accepted image change restarts a running container (SU-2), a shorter deadline ends the pod sooner (SU-4).
 *
 * @param containers            the new image of each named container (regular or init); a name the pod
 *                              lacks adds a container, which the apiserver refuses
 * @param activeDeadlineSeconds the new deadline, or null to leave it as it is
 */
public record UpdatePod(Duration at, Map<String, ContainerUpdate> containers, Long activeDeadlineSeconds)
        implements WorldEvent {

    /** What an update sets on one container: only its image may change on a pod. */
    public record ContainerUpdate(String image) {}

    public UpdatePod {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
        containers = Immutables.map(containers);
        if (containers.isEmpty() && activeDeadlineSeconds == null) {
            throw new IllegalArgumentException("an update needs a container's image or activeDeadlineSeconds");
        }
    }

    public static UpdatePod image(Duration at, String container, String image) {
        return new UpdatePod(at, Map.of(container, new ContainerUpdate(image)), null);
    }

    public static UpdatePod activeDeadlineSeconds(Duration at, long seconds) {
        return new UpdatePod(at, Map.of(), seconds);
    }
}
