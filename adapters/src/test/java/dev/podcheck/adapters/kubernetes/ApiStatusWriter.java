package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting.PodSnapshot;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The inverse of {@link PodSightings}, for the fake kubelet: a snapshot as the status the kubelet
 * writes, with the API's RFC 3339 seconds, and each terminated instance's termination message.
 */
final class ApiStatusWriter {
    private ApiStatusWriter() {}

    /** @param messages the termination message of (container, instance), empty when it has none */
    static PodStatus of(PodSnapshot s, BiFunction<String, Integer, String> messages) {
        return new PodStatusBuilder()
                .withPhase(s.phase().name())
                .withReason(s.reason().isEmpty() ? null : s.reason())
                .withMessage(s.message().isEmpty() ? null : s.message())
                .withQosClass(s.qosClass() == null || s.qosClass().isEmpty() ? null : s.qosClass())
                .withConditions(s.conditions().stream().map(c -> new PodConditionBuilder().withType(c.type().name())
                        .withStatus(c.status() ? "True" : "False")
                        .withReason(c.reason().isEmpty() ? null : c.reason())
                        .withMessage(c.message().isEmpty() ? null : c.message()).build()).toList())
                .withInitContainerStatuses(statuses(s.initContainerStatuses(), messages))
                .withContainerStatuses(statuses(s.containerStatuses(), messages))
                .build();
    }

    static String time(long epochMillis) {
        return epochMillis == 0 ? null : Instant.ofEpochMilli(epochMillis).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static List<io.fabric8.kubernetes.api.model.ContainerStatus> statuses(List<ContainerStatus> in,
            BiFunction<String, Integer, String> messages) {
        return in.stream().map(c -> new ContainerStatusBuilder().withName(c.name()).withImage("busybox:1.36")
                .withRestartCount(c.restartCount()).withReady(c.ready()).withStarted(c.started())
                .withState(state(c.state(), messages.apply(c.name(), c.restartCount())))
                .withLastState(c.lastState() == null ? null
                        : state(c.lastState(), messages.apply(c.name(), c.restartCount() - 1)))
                .build()).toList();
    }

    private static io.fabric8.kubernetes.api.model.ContainerState state(ContainerState state, String message) {
        ContainerStateBuilder b = new ContainerStateBuilder();
        if (state instanceof ContainerState.Running r) {
            return b.withNewRunning().withStartedAt(time(r.startedAt())).endRunning().build();
        }
        if (state instanceof ContainerState.Terminated t) {
            return b.withNewTerminated().withExitCode(t.exitCode()).withReason(t.reason().isEmpty() ? null : t.reason())
                    .withStartedAt(time(t.startedAt())).withFinishedAt(time(t.finishedAt()))
                    .withMessage(message.isEmpty() ? null : message).endTerminated().build();
        }
        ContainerState.Waiting w = (ContainerState.Waiting) state;
        return b.withNewWaiting().withReason(w.reason().isEmpty() ? null : w.reason())
                .withMessage(w.message().isEmpty() ? null : w.message()).endWaiting().build();
    }
}
