package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import java.util.List;
import java.util.Optional;

/**
 * Questions about container stops (kuberuntime_container.go killContainer, SEMANTICS T-6, T-7).
 * A stop starts with the kubelet's Killing event; its grace is not in the trace, so it is bounded
 * from below by the rules: a probe kill's own grace, the pod's grace (at least 1 s for a pod stop,
 * T-6), and any shorter grace a DELETE (at least 1 s on the node) or an eviction (1 s, hard
 * threshold, E-6) brought before the moment judged.
 */
public final class Stops {
    /** kuberuntime_manager.go minimumGracePeriodInSeconds. */
    static final long MINIMUM_GRACE_SECONDS = 2;
    /** eviction_manager.go immediateEvictionGracePeriodSeconds: every modelled threshold is hard. */
    static final long EVICTION_GRACE_SECONDS = 1;

    private Stops() {}

    /** The latest event of {@code container} matching, strictly before index {@code before}. */
    static <E extends TraceEvent> Optional<E> latestBefore(Trace trace, int before, Class<E> type,
                                                          java.util.function.Predicate<E> matching) {
        List<TraceEvent> events = trace.events();
        for (int i = before - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i)) && matching.test(type.cast(events.get(i)))) {
                return Optional.of(type.cast(events.get(i)));
            }
        }
        return Optional.empty();
    }

    static boolean isKilling(KubeletEvent e, String container) {
        return e.reason().equals("Killing") && e.container().equals(container);
    }

    static boolean isSignal(SignalSent s, String container, TraceEvent.Signal signal) {
        return s.container().equals(container) && s.signal() == signal;
    }

    /**
     * The least grace, in seconds, the stop begun by {@code killing} may have had, given the events
     * before index {@code upTo}: a later DELETE, eviction or deadline may shorten it (T-6).
     */
    public static long leastGraceSeconds(PodSpec spec, Trace trace, KubeletEvent killing, int upTo) {
        long podGrace = spec.terminationGracePeriodSeconds() == null ? 30 : spec.terminationGracePeriodSeconds();
        // SyncPod's own kills (a probe, a failed postStart, a changed definition, SU-2) use the grace as it is
        long grace = probeGrace(spec, killing).orElse(killing.message().contains(" probe")
                || killing.message().equals("FailedPostStartHook") || killing.message().contains(" definition changed")
                ? podGrace : Math.max(podGrace, 1));
        for (TraceEvent e : trace.events().subList(0, upTo)) {
            if (e instanceof DeletionRequested d) {
                grace = Math.min(grace, Math.max(d.gracePeriodSeconds(), 1));
            } else if (e instanceof PodEvicted) {
                grace = Math.min(grace, EVICTION_GRACE_SECONDS);
            } else if (e instanceof KubeletEvent k && k.reason().equals("DeadlineExceeded")) {
                grace = Math.min(grace, Math.max(podGrace, 1)); // the deadline stops the pod with its own grace (AD-2)
            }
        }
        return grace;
    }

    /** A liveness or startup kill uses the probe's terminationGracePeriodSeconds when set (P-8, P-9). */
    private static Optional<Long> probeGrace(PodSpec spec, KubeletEvent killing) {
        Optional<Container> c = spec.allContainers().filter(x -> x.name().equals(killing.container())).findFirst();
        if (c.isEmpty()) {
            return Optional.empty();
        }
        Probe probe = killing.message().contains("failed liveness probe") ? c.get().livenessProbe()
                : killing.message().contains("failed startup probe") ? c.get().startupProbe() : null;
        return probe == null ? Optional.empty() : Optional.ofNullable(probe.terminationGracePeriodSeconds());
    }
}
