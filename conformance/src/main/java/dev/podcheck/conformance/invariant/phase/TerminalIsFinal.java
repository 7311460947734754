package dev.podcheck.conformance.invariant.phase;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import java.util.Set;

/** phase/terminal-is-final (SEMANTICS INV-3, ST-6, SM-3): Succeeded and Failed are sticky. */
public final class TerminalIsFinal implements Invariant {
    static final String MESSAGE = "the pod left terminal phase %s for %s at %d ms";

    @Override
    public String id() {
        return "phase/terminal-is-final";
    }

    @Override
    public String must() {
        return "Once the pod phase is Succeeded or Failed it MUST never change again.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go generateAPIPodStatus (illegal phase transition), status_manager.go; SEMANTICS INV-3, ST-6";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE);
    }

    @Override
    public Verdict check(Observed trial) {
        PodPhaseChanged terminal = null;
        for (PodPhaseChanged e : trial.index().all(PodPhaseChanged.class)) {
            if (terminal != null && e.phase() != terminal.phase()) {
                return Verdict.violated(String.format(MESSAGE, terminal.phase(), e.phase(), e.at()), terminal, e);
            }
            if (terminal == null && e.phase().isTerminal()) {
                terminal = e;
            }
        }
        return Verdict.HOLDS;
    }
}
