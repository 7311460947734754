package dev.podcheck.adapters.kubernetes;

import dev.podcheck.adapters.observe.Sighting.PodSnapshot;
import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A Fabric8 pod as the observable {@link PodSnapshot}. Times the API carries (startedAt,
 * finishedAt, deletionTimestamp) stay wall-clock ms since the epoch, at the API's one-second
 * resolution; reconstruction re-bases them on the pod's creation.
 */
final class PodSightings {
    private PodSightings() {}

    static PodSnapshot snapshot(Pod pod) {
        PodStatus s = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        return new PodSnapshot(phase(s.getPhase()), s.getReason(), s.getMessage(), conditions(s),
                statuses(s.getInitContainerStatuses()), statuses(s.getContainerStatuses()), s.getQosClass(),
                epochMillis(pod.getMetadata().getDeletionTimestamp()));
    }

    /**
     * The report lines the kubelet kept in the termination messages of the pod's terminated
     * instances (state and lastState), in the order found; the same line may come back on every
     * later sighting, so callers keep them as a set.
     */
    static List<ContainerReport> terminationReports(Pod pod) {
        PodStatus s = pod.getStatus();
        if (s == null) {
            return List.of();
        }
        List<ContainerReport> reports = new ArrayList<>();
        Stream.concat(s.getInitContainerStatuses().stream(), s.getContainerStatuses().stream())
                .flatMap(c -> Stream.of(c.getLastState(), c.getState()))
                .filter(Objects::nonNull)
                .map(io.fabric8.kubernetes.api.model.ContainerState::getTerminated)
                .filter(t -> t != null && t.getMessage() != null)
                .forEach(t -> reports.addAll(ContainerReport.parseAll(t.getMessage())));
        return reports;
    }

    static Long epochMillis(String rfc3339) {
        return rfc3339 == null || rfc3339.isBlank() ? null : Instant.parse(rfc3339).toEpochMilli();
    }

    private static PodPhase phase(String phase) {
        return phase == null ? PodPhase.Pending
                : Arrays.stream(PodPhase.values()).filter(p -> p.name().equals(phase)).findFirst().orElse(PodPhase.Unknown);
    }

    /** The condition types the trace knows; others (readiness gates, new kinds) are not part of it. */
    private static List<PodCondition> conditions(PodStatus s) {
        List<PodCondition> out = new ArrayList<>();
        for (io.fabric8.kubernetes.api.model.PodCondition c : s.getConditions()) {
            Arrays.stream(ConditionType.values()).filter(t -> t.name().equals(c.getType())).findFirst()
                    .ifPresent(t -> out.add(new PodCondition(t, "True".equals(c.getStatus()), c.getReason(), c.getMessage())));
        }
        return out;
    }

    private static List<ContainerStatus> statuses(List<io.fabric8.kubernetes.api.model.ContainerStatus> in) {
        return in.stream().map(c -> new ContainerStatus(c.getName(), state(c.getState()), lastState(c.getLastState()),
                c.getRestartCount() == null ? 0 : c.getRestartCount(), Boolean.TRUE.equals(c.getReady()),
                Boolean.TRUE.equals(c.getStarted()))).toList();
    }

    private static ContainerState lastState(io.fabric8.kubernetes.api.model.ContainerState s) {
        return s == null || s.getTerminated() == null ? null : terminated(s.getTerminated());
    }

    private static ContainerState state(io.fabric8.kubernetes.api.model.ContainerState s) {
        if (s != null && s.getRunning() != null) {
            return new ContainerState.Running(orZero(epochMillis(s.getRunning().getStartedAt())));
        }
        if (s != null && s.getTerminated() != null) {
            return terminated(s.getTerminated());
        }
        return s == null || s.getWaiting() == null ? ContainerState.waiting("")
                : new ContainerState.Waiting(s.getWaiting().getReason(), s.getWaiting().getMessage());
    }

    private static ContainerState.Terminated terminated(ContainerStateTerminated t) {
        int code = t.getExitCode() == null ? 0 : t.getExitCode();
        return new ContainerState.Terminated(code, t.getReason(), signal(t),
                orZero(epochMillis(t.getStartedAt())), orZero(epochMillis(t.getFinishedAt())));
    }

    /**
     * The status's own signal field, which few runtimes fill. The exit code alone does not say it
     * (a script may exit 143 by itself, and the engine names SIGTERM for any exit after one):
     * reconstruction infers the signal from the container's reports.
     */
    private static String signal(ContainerStateTerminated t) {
        Integer signal = t.getSignal();
        return signal == null ? "" : signal == 9 ? "SIGKILL" : signal == 15 ? "SIGTERM" : "";
    }

    private static long orZero(Long millis) {
        return millis == null ? 0 : millis;
    }
}
