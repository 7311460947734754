package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Set;

/**
 * restart/crashloop-has-last-state (SEMANTICS INV-16, R-8, ST-3): a container backs off only after
 * it exited, and the status moves that exit to lastState when it shows the reasonCache's Waiting.
 */
public final class CrashLoopHasLastState implements Invariant {
    static final String MESSAGE = "%s waits in CrashLoopBackOff at %d ms without lastState.terminated";
    static final String CRASH_LOOP = "CrashLoopBackOff";

    @Override
    public String id() {
        return "restart/crashloop-has-last-state";
    }

    @Override
    public String must() {
        return "A container waiting with reason CrashLoopBackOff MUST show its previous run in lastState.terminated.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go convertToAPIContainerStatuses (reasonCache, lastTerminationState); SEMANTICS INV-16, R-8, ST-3";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        return trial.index().all(ContainerStatusChanged.class).stream()
                .filter(e -> e.status().state() instanceof ContainerState.Waiting w && CRASH_LOOP.equals(w.reason()))
                .filter(e -> !(e.status().lastState() instanceof ContainerState.Terminated))
                .findFirst()
                .map(e -> Verdict.violated(String.format(MESSAGE, e.status().name(), e.at()), e))
                .orElse(Verdict.HOLDS);
    }
}
