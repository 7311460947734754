package dev.podcheck.conformance.selfcheck;

import dev.podcheck.engine.Fault;
import java.util.EnumMap;
import java.util.Map;

/** The mutants of the self-check: each fault, the Kubernetes rule it breaks, and what is known to miss it. */
public final class Mutants {
    private Mutants() {}

    /** The rule each fault breaks, as the report's second column says it. */
    public static final Map<Fault, String> RULE = new EnumMap<>(Map.ofEntries(
            Map.entry(Fault.APP_STARTS_BEFORE_INIT_ENDS, "regular containers start only after every init container completed"),
            Map.entry(Fault.NEVER_RESTARTS_ANYWAY, "restartPolicy Never restarts no exited container"),
            Map.entry(Fault.ON_FAILURE_RESTARTS_AFTER_SUCCESS, "restartPolicy OnFailure restarts only a failed container"),
            Map.entry(Fault.BACK_OFF_NOT_CAPPED, "the crash-loop back-off is capped at 300 s"),
            Map.entry(Fault.BACK_OFF_NOT_GROWING, "the crash-loop back-off doubles after each restart"),
            Map.entry(Fault.STARTUP_PROBE_IGNORED, "liveness and readiness run only once the startup probe succeeded"),
            Map.entry(Fault.READY_WITHOUT_READINESS, "a container with a readiness probe is ready only after a readiness success"),
            Map.entry(Fault.LIVENESS_KILLS_ONE_FAILURE_EARLY, "liveness kills after failureThreshold consecutive failures"),
            Map.entry(Fault.SIDECARS_STOPPED_WITH_APP, "sidecars are stopped after the regular containers, in reverse order"),
            Map.entry(Fault.SIGKILL_BEFORE_GRACE_ENDS, "SIGKILL only once the grace after SIGTERM ran out"),
            Map.entry(Fault.MINIMUM_GRACE_NOT_APPLIED, "at least 2 s between SIGTERM and SIGKILL"),
            Map.entry(Fault.PRESTOP_SKIPPED, "preStop runs before SIGTERM"),
            Map.entry(Fault.QOS_IGNORES_INIT_CONTAINERS, "the QoS class counts init containers' resources"),
            Map.entry(Fault.EVICTS_WITHOUT_PRESSURE, "memory eviction only when memory.available is below the threshold"),
            Map.entry(Fault.ACTIVE_DEADLINE_IGNORED, "activeDeadlineSeconds ends the pod Failed, DeadlineExceeded"),
            Map.entry(Fault.FORCE_DELETE_WAITS, "a force delete removes the pod at once"),
            Map.entry(Fault.RESTART_COUNT_RESET, "restartCount counts the container's restarts"),
            Map.entry(Fault.FINALIZERS_IGNORED, "a deleted pod with finalizers stays in the API until they are removed"),
            Map.entry(Fault.FINALIZER_REMOVAL_KEEPS_POD,
                    "removing the last finalizer removes a pod deleted with grace 0"),
            Map.entry(Fault.READINESS_GATES_IGNORED, "Ready needs every readiness gate's condition True"),
            Map.entry(Fault.GATE_PATCHES_UNSEEN, "Ready follows a status patch of a readiness gate's condition"),
            Map.entry(Fault.TERMINATION_MESSAGE_NOT_CAPPED, "the termination message keeps the file's last 4096 bytes"),
            Map.entry(Fault.LOG_FALLBACK_IGNORED,
                    "FallbackToLogsOnError takes the log's tail when a container fails without a message"),
            Map.entry(Fault.IMAGE_PULL_BACK_OFF_IGNORED, "a failed image pull is retried only after the image back-off"),
            Map.entry(Fault.PULL_POLICY_IGNORED, "imagePullPolicy IfNotPresent does not pull an image on the node"),
            Map.entry(Fault.IMAGE_UPDATE_IGNORED, "an image update kills and restarts the running container"),
            Map.entry(Fault.UPDATE_VALIDATION_SKIPPED, "the apiserver refuses to raise activeDeadlineSeconds"),
            Map.entry(Fault.KUBELET_RESTART_KILLS_CONTAINERS, "a kubelet restart leaves running containers running"),
            Map.entry(Fault.PROBE_STATE_KEPT_ACROSS_KUBELET_RESTART,
                    "a kubelet restart starts every probe worker again from its initial value"),
            Map.entry(Fault.BACK_OFF_KEPT_ACROSS_KUBELET_RESTART, "a kubelet restart forgets the crash-loop back-off"),
            Map.entry(Fault.SANDBOX_NOT_RECREATED, "a lost sandbox is created again with the next attempt"),
            Map.entry(Fault.INIT_NOT_RERUN_AFTER_SANDBOX_LOSS,
                    "a sandbox created again runs the init containers again before the regular containers"),
            Map.entry(Fault.EVICTION_RANKING_REVERSED,
                    "memory pressure evicts the pod ranked first: above its request, lower priority, larger use"),
            Map.entry(Fault.SEVERAL_EVICTED_PER_PASS, "an eviction pass evicts at most one pod for node pressure"),
            Map.entry(Fault.EVICTION_LOOP_STOPS, "the eviction manager keeps evicting while the pressure lasts"),
            Map.entry(Fault.LOCAL_STORAGE_LIMITS_IGNORED,
                    "a pod over its ephemeral-storage limit is evicted at the next eviction pass"),
            Map.entry(Fault.EMPTY_DIR_LIMIT_IGNORED,
                    "a pod whose emptyDir exceeds its sizeLimit is evicted at the next eviction pass"),
            Map.entry(Fault.PID_PRESSURE_IGNORED, "the eviction manager evicts while pid.available is below its threshold"),
            Map.entry(Fault.PID_RANKING_BY_TASKS,
                    "PID pressure evicts the pod ranked first: lower priority, then more tasks"),
            Map.entry(Fault.DISK_PRESSURE_IGNORED,
                    "the eviction manager evicts while the node filesystem's available bytes are below a threshold"),
            Map.entry(Fault.DISK_RANKING_BY_USE,
                    "disk pressure evicts the pod ranked first: above its request, lower priority, larger use")));

    /**
     * Faults the current catalogue does not catch with the default budget, with the invariant that
     * would. Listed so the gap is visible and asserted: when an invariant starts catching one, the
     * self-check fails until the entry is removed here.
     */
    static final Map<Fault, String> NOT_CAUGHT = new EnumMap<>(Fault.class);
}
