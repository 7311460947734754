package dev.podcheck.spec.generate;

/**
 * How big and how rich generated scenarios may be.
 *
 * <p>Stability: experimental.
 *
 * @param maxContainers     regular containers, at least 1 (there is always an {@code app})
 * @param maxInitContainers regular (run-to-completion) init containers
 * @param maxSidecars       sidecars: init containers with restartPolicy Always
 * @param probePercent      chance, in percent, that each of a container's three probes is set; 0 sets none
 * @param resources         whether requests and limits may be set
 * @param behaviours        whether containers may behave other than the default (run, healthy)
 * @param events            whether world events (deletion, node memory pressure) may happen
 * @param nodePressure      whether those events may include node memory pressure, which a real
 *                          target cannot cause on its node
 * @param startDelays       whether instances may take time to start (startAfter: image pull,
 *                          create), which a real target cannot act: its script only runs once started
 * @param maxCpuMillis      the largest cpu request or limit a container draws, in millicores
 * @param maxMemoryMi       the most memory a container's behaviour uses, in Mi; its memory request or
 *                          limit draws up to half of it (a limit below the use is how OOM kills come)
 * @param apiPatches        whether the pod may have finalizers and readiness gates, and world events
 *                          patch it (remove the finalizers, set a gate's condition, update its spec),
 *                          which a target must then do through the API
 * @param terminationMessages whether containers may write termination messages and logs, and set
 *                          terminationMessagePolicy, which a target's rendered scripts must then act
 * @param imagePulls        whether the node's images may be absent, slow or failing to pull, and
 *                          containers set imagePullPolicy, which a target must then stage on its registry
 * @param nodeDisruptions   whether world events may restart the kubelet or lose the pod's sandbox
 *                          (SEMANTICS KR-1..KR-5, SB-1..SB-5), which a target must then do to its node's kubelet and runtime
 */
public record Size(int maxContainers, int maxInitContainers, int maxSidecars, int probePercent,
                   boolean resources, boolean behaviours, boolean events, boolean nodePressure,
                   boolean startDelays, int maxCpuMillis, int maxMemoryMi, boolean apiPatches,
                   boolean terminationMessages, boolean imagePulls, boolean nodeDisruptions) {

    public static final Size DEFAULT = new Size(3, 2, 2, 30, true, true, true, true, true, 4000, 4096, true, true,
            true, true);
    /** One container, nothing else: the pod spec alone. */
    public static final Size PLAIN = new Size(1, 0, 0, 0, false, false, false, false, false, 4000, 4096, false, false,
            false, false);

    public Size {
        if (maxContainers < 1 || maxInitContainers < 0 || maxSidecars < 0) {
            throw new IllegalArgumentException("need at least one container and no negative maximum");
        }
        if (probePercent < 0 || probePercent > 100) {
            throw new IllegalArgumentException("probePercent must be in [0, 100], got " + probePercent);
        }
        if (maxCpuMillis < 2 || maxMemoryMi < 4) {
            throw new IllegalArgumentException("need room for a request below a limit: maxCpuMillis >= 2 and"
                    + " maxMemoryMi >= 4, got " + maxCpuMillis + " and " + maxMemoryMi);
        }
    }

    public Size withContainers(int maxRegular, int maxInit, int maxSidecar) {
        return new Size(maxRegular, maxInit, maxSidecar, probePercent, resources, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withProbePercent(int value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, value, resources, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withResources(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, value, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withBehaviours(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, value, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withEvents(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours,
                value, nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages,
                imagePulls, nodeDisruptions);
    }

    public Size withNodePressure(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours,
                events, value, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withStartDelays(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours,
                events, nodePressure, value, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    /**
     * Requests, limits and memory use no larger than {@code cpuMillis} and {@code memoryMi} per
     * container: a real target runs several trials' pods on its nodes at once, and each must fit.
     */
    public Size withResourceCaps(int cpuMillis, int memoryMi) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours, events,
                nodePressure, startDelays, cpuMillis, memoryMi, apiPatches, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withApiPatches(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, value, terminationMessages, imagePulls,
                nodeDisruptions);
    }

    public Size withTerminationMessages(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, value, imagePulls, nodeDisruptions);
    }

    public Size withNodeDisruptions(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, imagePulls,
                value);
    }

    public Size withImagePulls(boolean value) {
        return new Size(maxContainers, maxInitContainers, maxSidecars, probePercent, resources, behaviours, events,
                nodePressure, startDelays, maxCpuMillis, maxMemoryMi, apiPatches, terminationMessages, value,
                nodeDisruptions);
    }
}
