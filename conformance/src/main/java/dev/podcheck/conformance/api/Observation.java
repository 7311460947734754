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
    QOS_CLASS
}
