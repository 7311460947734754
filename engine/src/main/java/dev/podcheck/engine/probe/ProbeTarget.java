package dev.podcheck.engine.probe;

/**
 * What a probe worker sees of its container at a tick (the kubelet's podStatus).
 *
 * @param instance     the container instance (its container ID, as a serial number), or -1 when no container exists yet
 * @param running      the instance is running
 * @param startedAt    when it started (ms)
 * @param started      the status manager's started flag (SEMANTICS P-11)
 * @param podTerminal  the pod phase is Succeeded or Failed
 * @param podDeleting  the pod has a deletionTimestamp
 * @param podStopping  the pod worker is stopping the pod (a deletion, an eviction, the active deadline): its sync
 *                     context is cancelled (pod_workers.go UpdatePod)
 * @param passes       whether a check would pass now (the behaviour's health window)
 */
public record ProbeTarget(int instance, boolean running, long startedAt, boolean started, boolean podTerminal,
                          boolean podDeleting, boolean podStopping, boolean passes) {}
