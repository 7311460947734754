package dev.podcheck.engine.status;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import java.util.Map;
import java.util.Objects;

/**
 * status.phase as the kubelet computes it (SEMANTICS ST-5, ST-6, SM-3). Pure functions.
 *
 * <p>Follows getPhase of pkg/kubelet/kubelet_pods.go as of v1.33+ (the
 * {@code podHasInitialized} form, PR #128516), with the ContainerRestartRules gate off: the pod
 * restartPolicy decides, container-level restart policies of regular containers are not modelled.
 * The kubelet never yields {@link PodPhase#Unknown} (ST-7), and neither does this class.
 */
public final class PodPhases {

    private PodPhases() {}

    /**
     * The phase for these container statuses, deriving "pod has initialized" from them (see
     * {@link #hasInitialized}). Correct for an engine whose sandbox is never recreated.
     *
     * @param statuses      container statuses by container name, init and regular together
     * @param podIsTerminal the kubelet has decided the pod is done (it will restart nothing)
     */
    public static PodPhase phase(PodSpec spec, Map<String, ContainerStatus> statuses, boolean podIsTerminal) {
        return phase(spec, statuses, podIsTerminal, hasInitialized(spec, statuses));
    }

    /**
     * getPhase with an explicit {@code podHasInitialized}: a regular container exists in the
     * current sandbox (kubelet: kubecontainer.HasAnyActiveRegularContainerStarted). An engine that
     * recreates sandboxes passes false after a recreation until a regular container is created.
     */
    public static PodPhase phase(PodSpec spec, Map<String, ContainerStatus> statuses,
                                 boolean podIsTerminal, boolean podHasInitialized) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(statuses, "statuses");
        ContainerCounts c = ContainerCounts.of(spec, statuses);
        RestartPolicy policy = spec.restartPolicyValue();
        if (c.failedInitialization > 0 && policy == RestartPolicy.Never) {
            return PodPhase.Failed;
        }
        // v1.33+: a pending regular init container always means Pending; a sidecar that is not
        // started only before the pod has initialized, so a restarting sidecar does not send an
        // initialized pod back to Pending.
        if (c.pendingRegularInit > 0 || (c.pendingSidecars > 0 && !podHasInitialized) || c.waiting > 0) {
            return PodPhase.Pending;
        }
        if (c.running > 0 && c.unknown == 0) {
            return PodPhase.Running;
        }
        if (c.running == 0 && c.stopped > 0 && c.unknown == 0) {
            return allStopped(c, policy, podIsTerminal);
        }
        return PodPhase.Pending;
    }

    private static PodPhase allStopped(ContainerCounts c, RestartPolicy policy, boolean podIsTerminal) {
        boolean allSucceeded = c.stopped == c.succeeded;
        // Static pods are exempt in the kubelet (TODO #116484, ST-8); a scenario pod never is one.
        if (podIsTerminal) {
            return allSucceeded ? PodPhase.Succeeded : PodPhase.Failed;
        }
        if (policy == RestartPolicy.Always) {
            return PodPhase.Running;
        }
        if (allSucceeded) {
            return PodPhase.Succeeded;
        }
        return policy == RestartPolicy.Never ? PodPhase.Failed : PodPhase.Running;
    }

    /**
     * Whether a regular container has run in the pod's (only) sandbox: it is Running, Terminated,
     * or Waiting after a termination. This is what HasAnyActiveRegularContainerStarted sees when
     * the sandbox is never recreated. It is wider than the pre-v1.33 HasAnyRegularContainerStarted
     * (Running or Terminated only), which missed a crash-looping container.
     */
    static boolean hasInitialized(PodSpec spec, Map<String, ContainerStatus> statuses) {
        for (Container container : spec.containers()) {
            ContainerStatus status = statuses.get(container.name());
            if (status != null && (!(status.state() instanceof ContainerState.Waiting)
                    || status.lastState() instanceof ContainerState.Terminated)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The phase after the kubelet's post-processing (generateAPIPodStatus, ST-6): a terminal phase
     * is sticky, so once {@code previous} is Succeeded or Failed it stays, whatever was computed.
     *
     * @param previous the phase last cached or on the API object; null before the first status
     */
    public static PodPhase next(PodPhase previous, PodPhase computed) {
        Objects.requireNonNull(computed, "computed");
        return previous != null && previous.isTerminal() ? previous : computed;
    }

    /**
     * The phase the status manager writes to the API (mergePodStatus in
     * pkg/kubelet/status/status_manager.go, SM-3): a move into a terminal phase is held back, and
     * the API phase kept, while any container of the pod could still be running. Hence "API phase
     * terminal implies no running container".
     *
     * @param apiPhase                   the phase now on the API object; null if none yet
     * @param proposed                   the phase from {@link #next}
     * @param couldHaveRunningContainers some container of the pod may still run
     */
    public static PodPhase merged(PodPhase apiPhase, PodPhase proposed, boolean couldHaveRunningContainers) {
        Objects.requireNonNull(proposed, "proposed");
        boolean toTerminal = (apiPhase == null || !apiPhase.isTerminal()) && proposed.isTerminal();
        if (toTerminal && couldHaveRunningContainers) {
            // The apiserver creates every pod in Pending (pod strategy PrepareForCreate).
            return apiPhase == null ? PodPhase.Pending : apiPhase;
        }
        return proposed;
    }
}
