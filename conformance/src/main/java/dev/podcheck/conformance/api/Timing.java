package dev.podcheck.conformance.api;

import java.time.Duration;

/**
 * What a target adds to the reference's timing, stated once per cause and effect: the
 * differential measures every duration from its own cause (a start from what let it start, a
 * restart from the exit it follows, a stop from the deletion) and allows it this much, so latency
 * never piles up along a chain of containers.
 *
 * <p>Stability: experimental.
 *
 * @param reaction        how long the target may take to act on any cause it must react to (an exit,
 *                        a deletion, the end of a back-off): the kubelet's PLEG relist (1 s) and pod
 *                        worker wake-up, podman's conmon; added to every effect
 * @param startLatency    how long creating and starting one container may take once the decision to
 *                        start it is made (the runtime, the image already present); added to starts
 *                        and restarts, and to a run a deletion cut short (its own start may lag)
 * @param backOffResync   how late a restart may come after its back-off has passed: the kubelet
 *                        re-queues a pod worker that met a back-off 10 to 15 s later
 *                        (pod_workers.go, wait.Jitter(backOffPeriod, 0.5)), not when it ends
 * @param eventBatching   how late a pod-level status (phase, Ready, the object's removal) may show
 *                        after its cause: the status manager's batching, the watch
 * @param clockResolution how coarse the target's timestamps are (the Kubernetes API shows times at
 *                        1 s): a duration between two of them may read up to this much shorter or longer
 * @param podStartLatency how long after the pod's creation its first containers may start beyond the
 *                        start latency: scheduling, admission, the pod sandbox (podman's infra container)
 * @param probePhase      whether the target's probes tick at a phase of their own: a kubelet starts each
 *                        probe worker when it adds the pod (pkg/kubelet/prober/worker.go), so a probe's
 *                        first tick past initialDelaySeconds may come up to a period before the reference's
 *                        as well as after it
 */
public record Timing(Duration reaction, Duration startLatency, Duration backOffResync, Duration eventBatching,
                     Duration clockResolution, Duration podStartLatency, boolean probePhase) {
    /** The reference: everything at once, to the millisecond. */
    public static final Timing EXACT = new Timing(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, false);

    public Timing {
        for (Duration d : new Duration[] {reaction, startLatency, backOffResync, eventBatching, clockResolution,
                podStartLatency}) {
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("a timing freedom is a duration of 0 or more, got " + d);
            }
        }
    }

    /** Any effect may come up to {@code lag} after its cause, and no other freedom: what a flat tolerance meant. */
    public static Timing reactingWithin(Duration lag) {
        return new Timing(lag, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, false);
    }

    public Timing withStartLatency(Duration value) {
        return new Timing(reaction, value, backOffResync, eventBatching, clockResolution, podStartLatency, probePhase);
    }

    public Timing withBackOffResync(Duration value) {
        return new Timing(reaction, startLatency, value, eventBatching, clockResolution, podStartLatency, probePhase);
    }

    public Timing withEventBatching(Duration value) {
        return new Timing(reaction, startLatency, backOffResync, value, clockResolution, podStartLatency, probePhase);
    }

    public Timing withClockResolution(Duration value) {
        return new Timing(reaction, startLatency, backOffResync, eventBatching, value, podStartLatency, probePhase);
    }

    public Timing withPodStartLatency(Duration value) {
        return new Timing(reaction, startLatency, backOffResync, eventBatching, clockResolution, value, probePhase);
    }

    /** Probes tick at a phase of the target's own, either side of the reference's. */
    public Timing withProbePhase() {
        return new Timing(reaction, startLatency, backOffResync, eventBatching, clockResolution, podStartLatency,
                true);
    }

    /** "reaction 1000 ms, start latency 1500 ms, ...": how reports and docs state it. */
    @Override
    public String toString() {
        return "reaction " + reaction.toMillis() + " ms, start latency " + startLatency.toMillis()
                + " ms, back-off resync " + backOffResync.toMillis() + " ms, event batching "
                + eventBatching.toMillis() + " ms, clock resolution " + clockResolution.toMillis()
                + " ms, pod start latency " + podStartLatency.toMillis() + " ms"
                + (probePhase ? ", probes at their own phase" : "");
    }
}
