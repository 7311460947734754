package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import java.util.ArrayList;
import java.util.List;

/** Reading a pod snapshot: the words of the API that reconstruction looks for. */
final class Snapshots {
    /** status.reason of a pod the kubelet evicted (eviction/helpers.go Reason). */
    static final String EVICTED = "Evicted";
    /** The kernel's OOM kill, as the runtime reports it: nobody in the container can report it. */
    static final String OOM_KILLED = "OOMKilled";
    /**
     * TerminatePod's verdict on a container it could not locate (status_manager.go): exit code
     * 137 and no times at all.
     */
    static final String STATUS_UNKNOWN = "ContainerStatusUnknown";

    private Snapshots() {}

    /**
     * The instances a status's lastState may be the end of, likeliest first. Running or
     * terminated again, the instance before (restartCount - 1); waiting to restart
     * (CrashLoopBackOff), the one that just died, whose number restartCount already is
     * (kubelet_pods.go convertToAPIContainerStatuses); ContainerStatusUnknown, either (TerminatePod
     * keeps the last termination as it was).
     */
    static int[] lastStateInstances(ContainerStatus status) {
        int count = status.restartCount();
        boolean current = status.state() instanceof ContainerState.Waiting
                || (status.state() instanceof ContainerState.Terminated t && t.reason().equals(STATUS_UNKNOWN));
        return current ? new int[] {count, count - 1} : new int[] {count - 1};
    }

    /** Init container statuses, then regular ones, in the snapshot's order. */
    static List<ContainerStatus> statuses(Sighting.PodSnapshot pod) {
        List<ContainerStatus> all = new ArrayList<>(pod.initContainerStatuses());
        all.addAll(pod.containerStatuses());
        return all;
    }
}
