package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Timing;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;

/**
 * A target's {@link Timing} applied to one cause and effect of one scenario: how much shorter
 * (a coarse clock) and how much longer (what the target adds) each kind of duration may be. Every
 * bound is for one step from its cause: nothing accumulates from the pod's creation.
 */
record Freedom(Timing timing, Scenario scenario) {
    /** How much shorter any duration may read: two timestamps truncated to the clock's resolution. */
    long early() {
        return ms(timing.clockResolution());
    }

    /**
     * How much sooner a probe-decided effect may come on a target whose probes tick at their own phase: a probe worker ticks from when the kubelet added
     * the pod, at a phase of its own relative to the container's start (pkg/kubelet/prober/worker.go), so
     * the first tick past initialDelaySeconds falls anywhere within one period, before the reference's
     * tick as well as after it. Seen on kubelet 1.34: a startup probe with period 5 s killed its
     * container 2.5 s sooner than the reference.
     */
    long earlyStart(String cause) {
        return early() + (cause == null ? 0 : phase(spec(cause), ProbeKind.startup));
    }

    /** As {@link #earlyStart}, for an instance killed by its liveness or startup probe. */
    long earlyRun(String container) {
        Container c = spec(container);
        return early() + phase(c, ProbeKind.liveness) + phase(c, ProbeKind.startup);
    }

    /**
     * As {@link #earlyStart}, for an instance made ready by its readiness probe (and, before it, its startup
     * probe). More: every SyncPod that generates the status of a started, not-ready container also runs its
     * readiness probe at once (prober_manager.go UpdatePodStatus, the manual trigger), so the
     * successThreshold successes may come much closer together than a period apart. Seen on kubelet 1.34:
     * successThreshold 3, period 10 s, ready 2.7 s after the start, the reference 20 s.
     */
    long earlyReady(String container) {
        Container c = spec(container);
        Probe readiness = c.probe(ProbeKind.readiness);
        int successes = readiness == null || readiness.successThreshold() == null ? 1 : readiness.successThreshold();
        return early() + phase(c, ProbeKind.readiness) * successes + phase(c, ProbeKind.startup);
    }

    /** The probe's period where the target's ticker has a phase of its own ({@link Timing#probePhase}), else 0. */
    private long phase(Container c, ProbeKind kind) {
        return timing.probePhase() ? period(c, kind) : 0;
    }

    /**
     * A first start after its cause: after the pod's creation (a null cause) the pod is scheduled and
     * its sandbox made first; after a sidecar, its startup probe gates it at its ticker's phase.
     */
    long start(String cause) {
        long gate = cause == null ? ms(timing.podStartLatency()) : period(spec(cause), ProbeKind.startup);
        return common() + ms(timing.startLatency()) + gate;
    }

    /** An instance's run: a probe that kills it ticks at a phase of its own (prober/worker.go, random start). */
    long run(String container) {
        Container c = spec(container);
        return common() + period(c, ProbeKind.liveness) + period(c, ProbeKind.startup);
    }

    /** A restart after the exit it follows: past a back-off, the kubelet comes back when its worker is re-queued. */
    long restart(long referenceInterval) {
        return common() + ms(timing.startLatency()) + (referenceInterval > 0 ? ms(timing.backOffResync()) : 0);
    }

    /** A stop after the deletion: the kubelet's reaction, and the instance's own start may have lagged. */
    long stop() {
        return common() + ms(timing.startLatency());
    }

    /** A status (the object's removal, a container's readiness): reported in batches. */
    long status() {
        return common() + ms(timing.eventBatching());
    }

    /** A container ready after its start: shown in a batched status, its readiness probe ticking at its own phase. */
    long ready(String container) {
        return status() + period(spec(container), ProbeKind.readiness) + phase(spec(container), ProbeKind.startup);
    }

    /** What every effect may add: the reaction, and a coarse clock either way. */
    private long common() {
        return ms(timing.reaction()) + ms(timing.clockResolution());
    }

    private Container spec(String name) {
        return Outcomes.spec(scenario, name);
    }

    /** The probe's period (defaulted to 10 s like the apiserver), or 0 without that probe. */
    private static long period(Container c, ProbeKind kind) {
        Probe p = c.probe(kind);
        if (p == null) {
            return 0;
        }
        return (p.periodSeconds() == null ? 10 : p.periodSeconds()) * 1000L;
    }

    private static long ms(Duration d) {
        return d.toMillis();
    }
}
