package dev.podcheck.adapters.observe;

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

    /** Init container statuses, then regular ones, in the snapshot's order. */
    static List<ContainerStatus> statuses(Sighting.PodSnapshot pod) {
        List<ContainerStatus> all = new ArrayList<>(pod.initContainerStatuses());
        all.addAll(pod.containerStatuses());
        return all;
    }
}
