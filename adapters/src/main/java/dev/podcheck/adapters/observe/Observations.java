package dev.podcheck.adapters.observe;

import dev.podcheck.conformance.api.Observation;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a target built on {@link TraceBuilder} can honestly claim to observe, from what it reads.
 * An invariant that needs more is UNKNOWN on it, never HOLDS, so a claim too many is worse than
 * one too few.
 *
 * <p>Stability: experimental.
 */
public final class Observations {

    /** What a target reads of a pod. */
    public enum Source {
        /**
         * The pod object with the status a kubelet writes, watched: phase and reason, conditions,
         * qosClass, container statuses with restartCount, ready and started. A watch may miss
         * writes (the status manager sends only the latest; a relist shows only the last), so
         * statuses are a subsequence of the kubelet's; skipped restarts are rebuilt from reports.
         */
        POD_STATUS,
        /** The pod's Events, each count of an aggregated Event as one sighting. */
        EVENTS,
        /** The containers' own report lines: start, sigterm, exit (see ContainerReport). */
        REPORTS,
        /**
         * Every probe run writes a line: every probe is an exec of the report script, or answered by
         * a server that reports each request. A probe answered by a plain server (busybox httpd
         * serving files, a TCP listener) runs unseen: a passing run leaves no Event, a failing one
         * only an Unhealthy Event, so without this source probe runs are not claimed.
         */
        PROBE_REPORTS,
        /**
         * Every hook handler writes its start and end: exec hooks of the report script, httpGet hooks
         * answered by a reporting server. A sleep hook is run by the kubelet itself and cannot report.
         */
        HOOK_REPORTS,
        /**
         * podcheck made the pod from its scenario: the containers act out the behaviours, and podcheck
         * issues the world events itself. A pod it only watches (an audit) runs whatever it runs.
         */
        ACTED
    }

    /** A cluster: pod status, Events and reports; hooks and probes as far as the rendering reports them. */
    public static final Set<Observation> KUBERNETES = of(EnumSet.of(Source.POD_STATUS, Source.EVENTS, Source.REPORTS,
            Source.ACTED));

    private Observations() {}

    /**
     * What these sources let a target claim:
     * <ul>
     *   <li>PHASE, CONDITIONS, QOS_CLASS, CONTAINER_STATUSES: the pod status;</li>
     *   <li>EVICTION: the status's reason Evicted, or the Evicted Event;</li>
     *   <li>KUBELET_EVENTS: the Events;</li>
     *   <li>SIGNALS: SIGTERM from the reports, SIGKILL inferred from a status showing exit code
     *       137 after a SIGTERM with no exit report: both needed;</li>
     *   <li>HOOKS, PROBE_RESULTS: only when every hook, every probe reports;</li>
     *   <li>DELETION: always: the target sends the DELETE itself, or sees it in the pod's deletionTimestamp,
     *       and sees the pod go;</li>
     *   <li>BEHAVIOURS, WORLD_EVENTS: only when podcheck acted the scenario out.</li>
     * </ul>
     */
    public static Set<Observation> of(Set<Source> sources) {
        Set<Observation> claims = EnumSet.of(Observation.DELETION);
        if (sources.contains(Source.POD_STATUS)) {
            claims.addAll(EnumSet.of(Observation.PHASE, Observation.CONDITIONS, Observation.QOS_CLASS,
                    Observation.CONTAINER_STATUSES, Observation.EVICTION));
        }
        if (sources.contains(Source.EVENTS)) {
            claims.addAll(EnumSet.of(Observation.KUBELET_EVENTS, Observation.EVICTION));
        }
        if (sources.contains(Source.REPORTS) && sources.contains(Source.POD_STATUS)) {
            claims.add(Observation.SIGNALS);
        }
        if (sources.contains(Source.HOOK_REPORTS)) {
            claims.add(Observation.HOOKS);
        }
        if (sources.contains(Source.PROBE_REPORTS)) {
            claims.add(Observation.PROBE_RESULTS);
        }
        if (sources.contains(Source.ACTED)) {
            claims.addAll(EnumSet.of(Observation.BEHAVIOURS, Observation.WORLD_EVENTS));
        }
        return Set.copyOf(claims);
    }
}
