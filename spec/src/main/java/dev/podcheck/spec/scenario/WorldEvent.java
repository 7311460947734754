package dev.podcheck.spec.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Duration;

/** Something the world does to the pod at a virtual time since its creation. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = DeletePod.class, name = "deletePod"),
        @JsonSubTypes.Type(value = NodeMemoryPressure.class, name = "nodeMemoryPressure"),
        @JsonSubTypes.Type(value = NodePidPressure.class, name = "nodePidPressure"),
        @JsonSubTypes.Type(value = NodeDiskPressure.class, name = "nodeDiskPressure"),
        @JsonSubTypes.Type(value = RemoveFinalizers.class, name = "removeFinalizers"),
        @JsonSubTypes.Type(value = PatchCondition.class, name = "patchCondition"),
        @JsonSubTypes.Type(value = UpdatePod.class, name = "updatePod"),
        @JsonSubTypes.Type(value = RestartKubelet.class, name = "restartKubelet"),
        @JsonSubTypes.Type(value = LoseSandbox.class, name = "loseSandbox")})
public sealed interface WorldEvent permits DeletePod, NodeMemoryPressure, NodePidPressure, NodeDiskPressure,
        RemoveFinalizers, PatchCondition, UpdatePod, RestartKubelet, LoseSandbox {
    Duration at();
}
