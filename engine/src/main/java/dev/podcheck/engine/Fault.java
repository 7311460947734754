package dev.podcheck.engine;

/**
 * Deliberate deviations from Kubernetes, for podcheck's self-check (mutation testing): each one
 * breaks exactly one rule of the reference engine, at the one place that rule lives, so the kit
 * can prove its invariants notice. Never set in normal use: {@link EngineOptions#DEFAULT} has none,
 * and no command-line option sets one.
 *
 * <p>Stability: internal to podcheck's own tests; constants may be added or removed at any time.
 */
public enum Fault {
    /** Regular containers start while an init container has not yet completed (S-4). */
    APP_STARTS_BEFORE_INIT_ENDS,
    /** An exited regular container is restarted under restartPolicy Never. */
    NEVER_RESTARTS_ANYWAY,
    /** A regular container that exited 0 is restarted under restartPolicy OnFailure. */
    ON_FAILURE_RESTARTS_AFTER_SUCCESS,
    /** The crash-loop back-off keeps doubling past its 300 s cap. */
    BACK_OFF_NOT_CAPPED,
    /** The crash-loop back-off stays at its first 10 s delay instead of doubling. */
    BACK_OFF_NOT_GROWING,
    /** Liveness and readiness probes run before the startup probe has succeeded (P-11). */
    STARTUP_PROBE_IGNORED,
    /** A started container counts as ready without a readiness success (P-11). */
    READY_WITHOUT_READINESS,
    /** A liveness probe commits its failure one consecutive failure before failureThreshold (P-4). */
    LIVENESS_KILLS_ONE_FAILURE_EARLY,
    /** Sidecars get the stop signal with the regular containers instead of after them (T-8). */
    SIDECARS_STOPPED_WITH_APP,
    /** SIGKILL comes one second before the grace after SIGTERM runs out (T-7). */
    SIGKILL_BEFORE_GRACE_ENDS,
    /** The stop signal gets the remaining grace even when under minimumGracePeriodInSeconds, 2 s (T-7). */
    MINIMUM_GRACE_NOT_APPLIED,
    /** A container's preStop hook is not run when it is stopped (T-7). */
    PRESTOP_SKIPPED,
    /** The qosClass reported at creation ignores the init containers' requests and limits. */
    QOS_IGNORES_INIT_CONTAINERS,
    /** The eviction manager evicts under a node memory condition whose threshold is not met (E-3). */
    EVICTS_WITHOUT_PRESSURE,
    /** activeDeadlineSeconds is never enforced (AD-2). */
    ACTIVE_DEADLINE_IGNORED,
    /** A force delete (grace 0) waits for the containers to stop before the pod is removed (T-1). */
    FORCE_DELETE_WAITS,
    /** The status reports restartCount 0 whatever the number of restarts. */
    RESTART_COUNT_RESET,
    /** A pod with finalizers is removed by a DELETE with grace 0 as if it had none (FZ-2). */
    FINALIZERS_IGNORED,
    /** Removing the last finalizer of a pod already deleted with grace 0 leaves it in the API (FZ-3). */
    FINALIZER_REMOVAL_KEEPS_POD,
    /** Ready ignores the readiness gates: True as soon as ContainersReady is (RG-2). */
    READINESS_GATES_IGNORED,
    /** The kubelet never sees a gate condition's status patch: Ready keeps the gates as they were (RG-3). */
    GATE_PATCHES_UNSEEN,
    /** The termination message keeps the whole terminationMessagePath file, not its last 4096 bytes (TM-2). */
    TERMINATION_MESSAGE_NOT_CAPPED,
    /** FallbackToLogsOnError never reads the log (TM-3). */
    LOG_FALLBACK_IGNORED,
    /** A failed image pull is retried at the pod worker's next sync, without the image back-off (IP-5). */
    IMAGE_PULL_BACK_OFF_IGNORED,
    /** imagePullPolicy IfNotPresent pulls the image even when it is on the node (IP-2). */
    PULL_POLICY_IGNORED,
    /** An accepted image update leaves the running container as it is, on its old image (SU-2). */
    IMAGE_UPDATE_IGNORED,
    /** Updates the apiserver refuses are applied as if accepted, a raised activeDeadlineSeconds included (SU-1). */
    UPDATE_VALIDATION_SKIPPED,
    /** A kubelet restart stops the containers the runtime runs, as if the kubelet owned them (KR-1). */
    KUBELET_RESTART_KILLS_CONTAINERS,
    /** A kubelet restart keeps the probe workers and their results, as if it had not restarted (KR-2). */
    PROBE_STATE_KEPT_ACROSS_KUBELET_RESTART,
    /** A kubelet restart keeps the crash-loop and image back-offs and the reason cache (KR-3). */
    BACK_OFF_KEPT_ACROSS_KUBELET_RESTART,
    /** A lost sandbox is never created again: the pod's containers stay dead (SB-3). */
    SANDBOX_NOT_RECREATED,
    /** A new sandbox does not run the init containers again: the regular containers restart at once (SB-3, SB-4). */
    INIT_NOT_RERUN_AFTER_SANDBOX_LOSS,
    /** Memory-pressure eviction takes the pod ranked last instead of the first (NP-2, E-5). */
    EVICTION_RANKING_REVERSED,
    /** A pass of the eviction manager evicts the pod ranked next as well as the first (NP-3, E-4). */
    SEVERAL_EVICTED_PER_PASS,
    /** The eviction manager never passes again after its first eviction, though the pressure lasts (NP-3, E-3). */
    EVICTION_LOOP_STOPS,
    /** The eviction manager never evicts a pod for its local ephemeral storage limits (LS-1, LS-3, LS-4). */
    LOCAL_STORAGE_LIMITS_IGNORED,
    /** The eviction manager never evicts a pod for an emptyDir volume over its sizeLimit (LS-5). */
    EMPTY_DIR_LIMIT_IGNORED,
    /** The eviction manager never evicts a pod for pid.available below its threshold (NP-6). */
    PID_PRESSURE_IGNORED,
    /** PID pressure evicts the pod with the most tasks first, whatever its priority (NP-6: priority comes first). */
    PID_RANKING_BY_TASKS,
    /** The eviction manager never evicts a pod for nodefs.available or imagefs.available below a threshold (NP-7). */
    DISK_PRESSURE_IGNORED,
    /**
     * Disk pressure evicts the pod using the most disk first, whether or not it exceeds its request and whatever its
     * priority (NP-7: rankDiskPressureFunc orders by exceedDiskRequests, then priority, then use above request).
     */
    DISK_RANKING_BY_USE,
}
