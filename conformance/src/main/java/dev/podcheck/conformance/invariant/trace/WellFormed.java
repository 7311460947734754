package dev.podcheck.conformance.invariant.trace;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/** trace/well-formed: the trace is a trace at all (SEMANTICS INV-3, INV-8, INV-25). */
public final class WellFormed implements Invariant {
    static final String MESSAGE = "the trace is malformed: %s";

    @Override
    public String id() {
        return "trace/well-formed";
    }

    @Override
    public String must() {
        return "A trace MUST never go back in time or past its horizon, MUST never decrease a restartCount, MUST never "
                + "leave a terminal phase, and MUST report a status for exactly the spec's containers.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/status/status_manager.go, kubelet_pods.go convertToAPIContainerStatuses; SEMANTICS INV-3, INV-8, INV-25";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        List<String> problems = WellFormedTrace.problems(trial.scenario().pod().spec(), trial.trace(), trial.horizonMillis());
        return problems.isEmpty() ? Verdict.HOLDS : Verdict.violated(String.format(MESSAGE, String.join("; ", problems)));
    }
}
