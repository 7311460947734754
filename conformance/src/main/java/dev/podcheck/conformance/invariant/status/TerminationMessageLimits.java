package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * status/termination-message-limits (SEMANTICS TM-2, TM-4, INV-27): what must never happen. The
 * kubelet reads at most 4096 bytes of the file, and the status manager cuts each terminated
 * state's message (state and lastState) to the pod's 12 KiB shared among its containers.
 */
public final class TerminationMessageLimits implements Invariant {
    static final String MESSAGE = "at %d ms %s showed a termination message of %d bytes; at most %d are kept";

    @Override
    public String id() {
        return "status/termination-message-limits";
    }

    @Override
    public String must() {
        return "A terminated container's message MUST NOT be longer than 4096 bytes, nor than 12 KiB divided by the "
                + "pod's number of containers.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/kuberuntime/kuberuntime_container.go getTerminationMessage; pkg/kubelet/status/"
                + "status_manager.go normalizeStatus; SEMANTICS TM-2, TM-4, INV-27";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        int limit = TerminationMessages.limit(trial.scenario().pod().spec());
        Optional<ContainerStatusChanged> over = trial.index().all(ContainerStatusChanged.class).stream()
                .filter(e -> longest(e) > limit).findFirst();
        return over.map(e -> Verdict.violated(String.format(MESSAGE, e.at(), e.status().name(), longest(e), limit), e))
                .orElse(Verdict.HOLDS);
    }

    private static int longest(ContainerStatusChanged e) {
        return Stream.of(e.status().state(), e.status().lastState())
                .filter(ContainerState.Terminated.class::isInstance).map(ContainerState.Terminated.class::cast)
                .mapToInt(t -> TerminationMessages.bytes(t.message())).max().orElse(0);
    }
}
