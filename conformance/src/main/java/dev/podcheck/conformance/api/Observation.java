package dev.podcheck.conformance.api;

/**
 * What a target can observe of a pod. The engine sees everything; a real cluster sees the API
 * (phase, conditions, container statuses, events, deletion) and only what the containers report
 * of the rest. An invariant that needs an observation its target lacks is UNKNOWN, never HOLDS.
 *
 * <p>Stability: experimental.
 */
public enum Observation {
    /** status.phase and its reason. */
    PHASE,
    /** Pod conditions. */
    CONDITIONS,
    /** Container statuses: state, lastState, restartCount, ready, started. */
    CONTAINER_STATUSES,
    /** Every probe run with its result. */
    PROBE_RESULTS,
    /** postStart and preStop start and end. */
    HOOKS,
    /** Signals delivered to containers. */
    SIGNALS,
    /** Kubernetes Events the kubelet records. */
    KUBELET_EVENTS,
    /** Deletion requests and the pod's removal. */
    DELETION,
    /** Node-pressure evictions. */
    EVICTION,
    /** status.qosClass. */
    QOS_CLASS,
    /**
     * What each container does (the scenario's behaviours: when it exits, how long its runtime takes to
     * start it, what it writes, how much memory it uses): known where the target acts them out,
     * unknown for a pod podcheck only watches, whose containers run whatever they run.
     */
    BEHAVIOURS,
    /**
     * Every world event the pod met besides its deletion (node memory pressure, a finalizer's removal, a
     * condition patch) is in the scenario and in the trace: true where podcheck issues them itself, not
     * for a pod it only watches, where anyone may have done them unseen. Deletions are always in the
     * trace, as DELETION says.
     */
    WORLD_EVENTS
}
