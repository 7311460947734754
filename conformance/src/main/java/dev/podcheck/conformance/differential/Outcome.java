package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The outcome-level facts of one trace: what a person asks of a pod's life rather than of its
 * every event. Two targets that honour the same rules agree on these within their timing
 * tolerance, even when their events come at different milliseconds. Facts the trace's target
 * cannot observe are left empty and never compared ({@link #observed}).
 *
 * <p>Times are milliseconds since pod creation. Stability: experimental.
 *
 * @param observed   what the target could observe; only those facts were extracted
 * @param horizon    the end of the observation window
 * @param qosClass   status.qosClass as the pod was created with, or null
 * @param phases     every phase the pod went through, in order (the last is its final phase)
 * @param containers every container of the spec, init containers first, in spec order
 * @param lifecycle  each container's first start and final exit in the order they happened: by
 *                   time, and within one instant in the order the trace shows them (the e2e tests'
 *                   merged container log)
 * @param ready      when the pod's Ready condition was True
 * @param removedAt  when the pod object was removed, or null
 */
public record Outcome(Set<Observation> observed, long horizon, String qosClass, List<PhaseChange> phases,
                      List<ContainerOutcome> containers, List<Step> lifecycle, List<Interval> ready, Long removedAt) {
    public Outcome {
        observed = Set.copyOf(observed);
        phases = List.copyOf(phases);
        containers = List.copyOf(containers);
        lifecycle = List.copyOf(lifecycle);
        ready = List.copyOf(ready);
    }

    /** The pod entered {@code phase} at {@code at}, for {@code reason} (empty if none). */
    public record PhaseChange(PodPhase phase, String reason, long at) {}

    /**
     * One container's facts.
     *
     * @param startedAt    when its first instance started running, or null if none ever did
     * @param restartCount status.restartCount at the end
     * @param restartedAt  when the status showed each rise of restartCount
     * @param ended        how it ended, or null when its last status is not Terminated (running,
     *                     waiting to restart, never started)
     */
    public record ContainerOutcome(String name, Long startedAt, int restartCount, List<Long> restartedAt,
                                   Exit ended) {
        public ContainerOutcome {
            restartedAt = List.copyOf(restartedAt);
        }
    }

    /** A final termination: the exit code and status.state.terminated.finishedAt. */
    public record Exit(int exitCode, long at) {}

    /** A container's first start or final exit: one line of the merged container log. */
    public record Step(String container, Kind kind, long at) {
        public enum Kind { STARTED, EXITED }

        /** As a person says it: "app started". */
        @Override
        public String toString() {
            return container + " " + kind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** A closed interval of time [from, to]. */
    public record Interval(long from, long to) {
        public Interval {
            if (to < from) {
                throw new IllegalArgumentException("an interval ends after it begins: " + from + "-" + to);
            }
        }
    }

    /** The facts of one container, by name; null when the spec has no such container. */
    public ContainerOutcome container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
