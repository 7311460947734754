package dev.podcheck.conformance.invariant.status;

import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The termination message rules as the kubelet states them (SEMANTICS TM-2..TM-4), written here
 * from kuberuntime_container.go and status_manager.go, not taken from the engine.
 */
final class TerminationMessages {
    /** kubecontainer.MaxContainerTerminationMessageLength. */
    static final int FILE_BYTES = 4096;
    /** MaxContainerTerminationMessageLogLines, MaxContainerTerminationMessageLogLength. */
    static final int LOG_LINES = 80;
    static final int LOG_BYTES = 2048;
    /** MaxPodTerminationMessageLogLength, shared by the pod's containers. */
    static final int POD_BYTES = 12 * 1024;

    private TerminationMessages() {}

    /** The most bytes a message of this pod may have: the file's cap, or the pod's share if smaller. */
    static int limit(PodSpec spec) {
        return Math.min(FILE_BYTES, POD_BYTES / (spec.containers().size() + spec.initContainers().size()));
    }

    /** The message the status must show for an instance that exited with {@code exitCode}. */
    static String expected(PodSpec spec, Container container, InstanceBehaviour instance, int exitCode) {
        byte[] file = instance.terminationMessage().getBytes(StandardCharsets.UTF_8);
        byte[] message = last(file, FILE_BYTES);
        if (message.length == 0 && exitCode != 0
                && "FallbackToLogsOnError".equals(container.terminationMessagePolicy())) {
            String[] lines = instance.log().split("(?<=\n)"); // each line keeps its newline
            String tail = String.join("", Arrays.copyOfRange(lines, Math.max(0, lines.length - LOG_LINES), lines.length));
            message = last(tail.getBytes(StandardCharsets.UTF_8), LOG_BYTES);
        }
        int share = POD_BYTES / (spec.containers().size() + spec.initContainers().size());
        return new String(message, 0, Math.min(message.length, share), StandardCharsets.UTF_8);
    }

    static int bytes(String message) {
        return message.getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] last(byte[] data, int max) {
        return Arrays.copyOfRange(data, Math.max(0, data.length - max), data.length);
    }
}
