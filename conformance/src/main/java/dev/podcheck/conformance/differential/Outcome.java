package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the differential reads of one trace: the pod's outcome and, per container, each instance's
 * start and exit, from which durations are measured cause to effect. Facts the trace's target
 * cannot observe are left empty and never compared ({@link #observed}).
 *
 * <p>Times are milliseconds since pod creation; an index is the position in the trace of the event
 * that first showed a step, which orders steps of one instant as the kubelet caused them.
 * Stability: experimental.
 *
 * @param observed   what the target could observe; only those facts were extracted
 * @param horizon    the end of the observation window
 * @param qosClass   status.qosClass as the pod was created with, or null
 * @param phases     every phase the pod went through, in order (the last is its final phase)
 * @param containers every container of the spec, init containers first, in spec order
 * @param stoppedAt  when the pod was asked to stop (the deletion request, eviction or active deadline),
 *                   or null: nothing starts after it, and what runs then stops because of it
 * @param removedAt  when the pod object was removed, or null
 */
public record Outcome(Set<Observation> observed, long horizon, String qosClass, List<PhaseChange> phases,
                      List<ContainerOutcome> containers, Long stoppedAt, Long removedAt) {
    public Outcome {
        observed = Set.copyOf(observed);
        phases = List.copyOf(phases);
        containers = List.copyOf(containers);
    }

    /** The pod entered {@code phase} at {@code at}, for {@code reason} (empty if none). */
    public record PhaseChange(PodPhase phase, String reason, long at) {
        /** "Failed (DeadlineExceeded)". */
        @Override
        public String toString() {
            return phase + (reason.isEmpty() ? "" : " (" + reason + ")");
        }
    }

    /** The kind of a container, as known-deviation entries name it. */
    public enum Kind {
        INIT, SIDECAR, REGULAR;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One container's facts.
     *
     * @param instances    its instances in start order (status.restartCount tells them apart)
     * @param restartCount status.restartCount at the end
     */
    public record ContainerOutcome(String name, Kind kind, List<Instance> instances, int restartCount) {
        public ContainerOutcome {
            instances = List.copyOf(instances);
        }

        public Optional<Instance> first() {
            return instances.isEmpty() ? Optional.empty() : Optional.of(instances.get(0));
        }

        /** An init container's completion: its first exit with code 0 (it never runs again). */
        public Optional<Exit> completion() {
            return instances.stream().map(Instance::exit).filter(e -> e != null && e.code() == 0).findFirst();
        }
    }

    /**
     * One instance: when it started, when a status first showed it (after a postStart hook, say), when
     * its status first showed it ready (null if never), and how it ended (null while it ran on).
     */
    public record Instance(long startedAt, long shownAt, int index, Long readyAt, Exit exit) {}

    /**
     * An exit: the exit code, status.state.terminated.finishedAt, and when a status first showed it
     * (a kubelet may show an exit only with the next instance's status).
     */
    public record Exit(int code, long at, long shownAt, int index) {}

    /**
     * Whether an exit came with the request to stop the pod: at it or after it, or so shortly before
     * that a clock of {@code resolution} cannot tell (finishedAt cut to the second may read before
     * the DELETE that caused it).
     */
    public boolean byTheStop(Exit exit, long resolution) {
        return stoppedAt != null && (exit.at() >= stoppedAt || exit.at() > stoppedAt - resolution);
    }

    /** The end of the window for starts: nothing starts after the pod is asked to stop. */
    public long startsEnd() {
        return stoppedAt == null ? horizon : Math.min(horizon, stoppedAt);
    }

    /** The facts of one container, by name; null when the spec has no such container. */
    public ContainerOutcome container(String name) {
        return containers.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }
}
