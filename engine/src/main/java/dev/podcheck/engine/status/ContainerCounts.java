package dev.podcheck.engine.status;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import java.util.Map;

/**
 * The counters getPhase keeps (pkg/kubelet/kubelet_pods.go, getPhase), one pass per kind of
 * container: regular init containers, sidecars, regular containers (SEMANTICS ST-5).
 * A container without an entry in the status map counts as "no status".
 */
final class ContainerCounts {
    int pendingRegularInit;
    int pendingSidecars;
    int failedInitialization;
    int unknown;
    int running;
    int waiting;
    int stopped;
    int succeeded;

    private ContainerCounts() {}

    static ContainerCounts of(PodSpec spec, Map<String, ContainerStatus> statuses) {
        ContainerCounts counts = new ContainerCounts();
        for (Container init : spec.initContainers()) {
            ContainerStatus status = statuses.get(init.name());
            if (init.isSidecar()) {
                counts.countSidecar(status);
            } else {
                counts.countRegularInit(status);
            }
        }
        for (Container container : spec.containers()) {
            counts.countRegular(statuses.get(container.name()));
        }
        return counts;
    }

    private void countRegularInit(ContainerStatus status) {
        if (status == null || status.state() instanceof ContainerState.Running) {
            pendingRegularInit++;
        } else if (status.state() instanceof ContainerState.Terminated terminated) {
            if (terminated.exitCode() != 0) {
                failedInitialization++;
            }
        } else if (lastTermination(status) != null) {
            // Waiting after an earlier run: a failed run counts, a successful one is neither
            // pending nor failed (kubelet_pods.go getPhase, Waiting branch).
            if (lastTermination(status).exitCode() != 0) {
                failedInitialization++;
            }
        } else {
            pendingRegularInit++;
        }
    }

    private void countSidecar(ContainerStatus status) {
        if (status == null) {
            unknown++;
        } else if (status.state() instanceof ContainerState.Running) {
            if (!status.started()) {
                pendingSidecars++;
            }
            running++;
        } else if (status.state() instanceof ContainerState.Waiting && lastTermination(status) == null) {
            pendingSidecars++;
            waiting++;
        }
        // Terminated, or Waiting to restart after a run: a stopped sidecar does not count
        // toward the phase at all, so it can neither keep a pod Running nor fail it.
    }

    private void countRegular(ContainerStatus status) {
        if (status == null) {
            unknown++;
        } else if (status.state() instanceof ContainerState.Running) {
            running++;
        } else if (status.state() instanceof ContainerState.Terminated terminated) {
            stopped++;
            if (terminated.exitCode() == 0) {
                succeeded++;
            }
        } else if (lastTermination(status) != null) {
            // CrashLoopBackOff and the like: stopped, and never counted as succeeded, even when
            // the last run exited 0.
            stopped++;
        } else {
            waiting++;
        }
    }

    private static ContainerState.Terminated lastTermination(ContainerStatus status) {
        return status.lastState() instanceof ContainerState.Terminated terminated ? terminated : null;
    }
}
