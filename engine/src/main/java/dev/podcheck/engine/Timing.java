package dev.podcheck.engine;

import java.time.Duration;

/**
 * What the real kubelet leaves to timing, as explicit parameters (SEMANTICS M-1). The defaults are
 * the kubelet's own periods with every phase at zero, so the reference trace is the one a kubelet
 * with no load and no jitter would produce.
 *
 * @param plegRelistPeriod    how often the kubelet notices container state changes (genericPlegRelistPeriod, 1 s)
 * @param podStartLatency     from pod creation to its first sync on the node (scheduling, admission)
 * @param evictionLoopPeriod  the eviction manager's monitoring interval (evictionMonitoringPeriod, 10 s)
 * @param probeTickPhase      offset of every probe worker's ticker from the pod's first sync
 */
public record Timing(Duration plegRelistPeriod, Duration podStartLatency, Duration evictionLoopPeriod,
                     Duration probeTickPhase) {

    public static final Timing DEFAULT = new Timing(Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10),
            Duration.ZERO);

    public Timing {
        if (plegRelistPeriod.isNegative() || plegRelistPeriod.isZero()) {
            throw new IllegalArgumentException("plegRelistPeriod must be positive");
        }
        if (evictionLoopPeriod.isNegative() || evictionLoopPeriod.isZero()) {
            throw new IllegalArgumentException("evictionLoopPeriod must be positive");
        }
        if (podStartLatency.isNegative() || probeTickPhase.isNegative()) {
            throw new IllegalArgumentException("latencies and phases must not be negative");
        }
    }
}
