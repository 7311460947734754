package dev.podcheck.spec.trace;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A container's state as in status.containerStatuses[].state: one of waiting, running, terminated. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
        @JsonSubTypes.Type(value = ContainerState.Waiting.class, name = "waiting"),
        @JsonSubTypes.Type(value = ContainerState.Running.class, name = "running"),
        @JsonSubTypes.Type(value = ContainerState.Terminated.class, name = "terminated")})
public sealed interface ContainerState {

    /** Not running: reason is ContainerCreating, PodInitializing, CrashLoopBackOff, ... (SEMANTICS R-8). */
    record Waiting(String reason, String message) implements ContainerState {
        public Waiting {
            reason = reason == null ? "" : reason;
            message = message == null ? "" : message;
        }
    }

    /** Running since {@code startedAt} (ms since pod creation). */
    record Running(long startedAt) implements ContainerState {}

    /**
     * Exited. {@code signal} names the signal that ended it (SIGTERM, SIGKILL), or is empty when the
     * process exited by itself or the kernel's OOM killer ended it (reason OOMKilled). {@code message}
     * is the termination message (SEMANTICS TM-2..TM-4), empty when there is none.
     */
    record Terminated(int exitCode, String reason, String signal, long startedAt, long finishedAt, String message)
            implements ContainerState {
        public Terminated {
            reason = reason == null ? "" : reason;
            signal = signal == null ? "" : signal;
            message = message == null ? "" : message;
        }

        /** Without a termination message. */
        public Terminated(int exitCode, String reason, String signal, long startedAt, long finishedAt) {
            this(exitCode, reason, signal, startedAt, finishedAt, "");
        }
    }

    static Waiting waiting(String reason) {
        return new Waiting(reason, "");
    }
}
