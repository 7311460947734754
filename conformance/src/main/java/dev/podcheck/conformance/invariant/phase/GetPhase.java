package dev.podcheck.conformance.invariant.phase;

import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.EnumSet;
import java.util.Set;

/**
 * getPhase of kubelet_pods.go (SEMANTICS ST-5) over a snapshot's container statuses, for a pod the
 * kubelet has not decided to stop (podIsTerminal false: no deletion, eviction or deadline). Rule 2
 * changed in v1.33 (PR #128516: a sidecar that is not started keeps the pod Pending only until it
 * has initialized, where a container that ran and waits to restart counts); both answers are allowed
 * where the two releases differ.
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

    /** The phases getPhase may give these statuses: one, or two where the releases differ. */
    static Set<PodPhase> of(PodSpec spec, Snapshot s) {
        GetPhase c = new GetPhase();
        for (Container init : spec.initContainers()) {
            ContainerStatus status = statusOf(s, init);
            if (init.isSidecar()) {
                c.sidecar(status);
            } else {
                c.regularInit(status);
            }
        }
        boolean anyStarted = false;
        boolean anyRan = false;
        for (Container container : spec.containers()) {
            ContainerStatus status = statusOf(s, container);
            c.regular(status);
            boolean ranOrRuns = status != null && !(status.state() instanceof ContainerState.Waiting);
            anyStarted |= ranOrRuns;
            anyRan |= ranOrRuns || status != null && status.lastState() instanceof ContainerState.Terminated;
        }
        RestartPolicy policy = spec.restartPolicyValue();
        // v1.33+: podHasInitialized (a regular container exists in the sandbox); before: one is Running or Terminated
        return EnumSet.of(c.decide(policy, c.pendingRegularInit > 0 || c.pendingSidecars > 0 && !anyRan),
                c.decide(policy, c.pendingRegularInit + c.pendingSidecars > 0 && !anyStarted));
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
