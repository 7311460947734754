package dev.podcheck.engine.status;

import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.Container;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The message in a terminated state (SEMANTICS TM-2..TM-4): what the kubelet reads from the
 * terminationMessagePath file, or from the log under FallbackToLogsOnError, as the status manager
 * cuts it for the pod. Pure functions over bytes, as the kubelet's reads are.
 */
public final class TerminationMessage {
    /** kubecontainer.MaxContainerTerminationMessageLength: the file's last bytes kept (TM-2). */
    public static final int MAX_FILE_BYTES = 4096;
    /** MaxContainerTerminationMessageLogLines and MaxContainerTerminationMessageLogLength (TM-3). */
    public static final int MAX_LOG_LINES = 80;
    public static final int MAX_LOG_BYTES = 2048;
    /** MaxPodTerminationMessageLogLength: split evenly among the pod's containers (TM-4). */
    public static final int MAX_POD_BYTES = 12 * 1024;
    public static final String FALLBACK_TO_LOGS_ON_ERROR = "FallbackToLogsOnError";

    private TerminationMessage() {}

    /**
     * getTerminationMessage and readLastStringFromContainerLogs (kuberuntime_container.go), then
     * normalizeStatus (status_manager.go) for a pod of {@code podContainers} containers.
     *
     * @param fileCap the bytes kept of the file: {@link #MAX_FILE_BYTES}, unless a fault says otherwise
     * @param logFallback whether FallbackToLogsOnError may read the log (false only under a fault)
     */
    public static String of(Container container, InstanceBehaviour instance, int exitCode, int podContainers,
                            int fileCap, boolean logFallback) {
        byte[] message = tail(bytes(instance.terminationMessage()), fileCap);
        boolean fallback = FALLBACK_TO_LOGS_ON_ERROR.equals(container.terminationMessagePolicy()) && exitCode != 0;
        if (message.length == 0 && fallback && logFallback) {
            message = tail(lastLines(bytes(instance.log()), MAX_LOG_LINES), MAX_LOG_BYTES);
        }
        int perContainer = MAX_POD_BYTES / Math.max(podContainers, 1);
        if (message.length > perContainer) {
            message = Arrays.copyOf(message, perContainer);
        }
        return new String(message, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** tail.ReadAtMost and circbuf: the last {@code max} bytes. */
    private static byte[] tail(byte[] data, int max) {
        return data.length <= max ? data : Arrays.copyOfRange(data, data.length - max, data.length);
    }

    /** The log's last {@code n} lines, each with its newline (the last one may have none). */
    private static byte[] lastLines(byte[] log, int n) {
        int seen = 0;
        // A newline that ends the log closes its last line; it does not start another one.
        for (int i = log.length - 2; i >= 0; i--) {
            if (log[i] == '\n' && ++seen == n) {
                return Arrays.copyOfRange(log, i + 1, log.length);
            }
        }
        return log;
    }
}
