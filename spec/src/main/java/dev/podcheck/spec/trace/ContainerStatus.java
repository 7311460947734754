package dev.podcheck.spec.trace;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One entry of status.initContainerStatuses or status.containerStatuses.
 *
 * @param lastState the previous instance's termination, or null before the first restart
 */
public record ContainerStatus(String name, ContainerState state, ContainerState lastState,
                              int restartCount, boolean ready, boolean started) {
    public ContainerStatus {
        if (name == null || state == null) {
            throw new IllegalArgumentException("a container status has a name and a state");
        }
        if (restartCount < 0) {
            throw new IllegalArgumentException("restartCount must not be negative, got " + restartCount);
        }
    }

    @JsonIgnore
    public boolean isRunning() {
        return state instanceof ContainerState.Running;
    }

    @JsonIgnore
    public boolean isTerminated() {
        return state instanceof ContainerState.Terminated;
    }
}
