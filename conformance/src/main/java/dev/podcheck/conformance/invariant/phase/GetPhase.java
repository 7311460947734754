package dev.podcheck.conformance.invariant.phase;

import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;

/**
 * getPhase of kubelet_pods.go (SEMANTICS ST-5) over a snapshot's container statuses, for a pod the
 * kubelet has not decided to stop (podIsTerminal false: no deletion, eviction or deadline), in its
 * v1.33 form (PR #128516), which every release podcheck holds targets to has (Profile.OLDEST): a
 * pending regular init container always means Pending, a sidecar that is not started only until the
 * pod has initialized, that is until a regular container exists in its sandbox (one runs, ended, or
 * waits to restart after a run).
 */
final class GetPhase {
    private int pendingRegularInit;
    private int pendingSidecars;
    private int failedInit;
    private int unknown;
    private int running;
    private int waiting;
    private int stopped;
    private int succeeded;

    private GetPhase() {}

    /** The phase getPhase gives these statuses. */
    static PodPhase of(PodSpec spec, Snapshot s) {
        GetPhase c = new GetPhase();
        for (Container init : spec.initContainers()) {
            ContainerStatus status = statusOf(s, init);
            if (init.isSidecar()) {
                c.sidecar(status);
            } else {
                c.regularInit(status);
            }
        }
        boolean initialized = false;
        for (Container container : spec.containers()) {
            ContainerStatus status = statusOf(s, container);
            c.regular(status);
            initialized |= status != null && (!(status.state() instanceof ContainerState.Waiting)
                    || status.lastState() instanceof ContainerState.Terminated);
        }
        return c.decide(spec.restartPolicyValue(), c.pendingRegularInit > 0 || c.pendingSidecars > 0 && !initialized);
    }

    private static ContainerStatus statusOf(Snapshot s, Container c) {
        ContainerStatusChanged e = s.statuses().get(c.name());
        return e == null ? null : e.status();
    }

    private PodPhase decide(RestartPolicy policy, boolean initializing) {
        if (failedInit > 0 && policy == RestartPolicy.Never) {
            return PodPhase.Failed;
        }
        if (initializing || waiting > 0) {
            return PodPhase.Pending;
        }
        if (running > 0 && unknown == 0) {
            return PodPhase.Running;
        }
        if (running == 0 && stopped > 0 && unknown == 0) {
            if (policy == RestartPolicy.Always) {
                return PodPhase.Running;
            }
            if (stopped == succeeded) {
                return PodPhase.Succeeded;
            }
            return policy == RestartPolicy.Never ? PodPhase.Failed : PodPhase.Running;
        }
        return PodPhase.Pending;
    }

    private void regularInit(ContainerStatus status) {
        ContainerState.Terminated last = lastTermination(status);
        if (status == null || status.state() instanceof ContainerState.Running) {
            pendingRegularInit++;
        } else if (status.state() instanceof ContainerState.Terminated t) {
            failedInit += t.exitCode() != 0 ? 1 : 0;
        } else if (last == null) {
            pendingRegularInit++;
        } else if (last.exitCode() != 0) {
            failedInit++;
        }
    }

    /** A sidecar that is Terminated, or waits to restart after a run, counts for nothing. */
    private void sidecar(ContainerStatus status) {
        if (status == null) {
            unknown++;
        } else if (status.state() instanceof ContainerState.Running) {
            running++;
            pendingSidecars += status.started() ? 0 : 1;
        } else if (status.state() instanceof ContainerState.Waiting && lastTermination(status) == null) {
            pendingSidecars++;
            waiting++;
        }
    }

    /** A container waiting to restart is stopped, never succeeded, whatever its last exit code. */
    private void regular(ContainerStatus status) {
        if (status == null) {
            unknown++;
        } else if (status.state() instanceof ContainerState.Running) {
            running++;
        } else if (status.state() instanceof ContainerState.Terminated t) {
            stopped++;
            succeeded += t.exitCode() == 0 ? 1 : 0;
        } else if (lastTermination(status) != null) {
            stopped++;
        } else {
            waiting++;
        }
    }

    private static ContainerState.Terminated lastTermination(ContainerStatus status) {
        return status != null && status.lastState() instanceof ContainerState.Terminated t ? t : null;
    }
}
