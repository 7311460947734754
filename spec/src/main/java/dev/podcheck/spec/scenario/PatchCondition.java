package dev.podcheck.spec.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;
import java.util.List;

/**
 * A client patches the pod's status with the condition {@code type} at {@code status} (True, False
 * or Unknown): how a controller opens or closes a readiness gate (SEMANTICS RG-3). Only condition
 * types the kubelet does not own may be patched; the kubelet would overwrite its own at once.
 */
public record PatchCondition(Duration at, String type, String status) implements WorldEvent {
    /** The values of status.conditions[].status. */
    public static final List<String> STATUSES = List.of("True", "False", "Unknown");
    /** pkg/kubelet/types/pod_status.go PodConditionsByKubelet, and DisruptionTarget, which it shares (ST-9). */
    static final List<String> KUBELET_OWNED = List.of("PodScheduled", "Ready", "Initialized", "ContainersReady",
            "PodReadyToStartContainers", "PodResizePending", "PodResizeInProgress", "DisruptionTarget");

    public PatchCondition {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
        if (type == null || type.isEmpty()) {
            throw new IllegalArgumentException("a patched condition needs a type");
        }
        if (KUBELET_OWNED.contains(type)) {
            throw new IllegalArgumentException("the kubelet owns condition " + type + " and overwrites it:"
                    + " patch a readiness gate's condition instead");
        }
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ", got " + status);
        }
    }

    @JsonIgnore
    public boolean isTrue() {
        return "True".equals(status);
    }
}
