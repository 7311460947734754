package dev.podcheck.conformance.invariant.phase;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import java.util.Set;

/**
 * phase/no-return-to-pending (SEMANTICS ST-5, SM-3, INV-3): getPhase says Pending only while an init
 * container has yet to complete or a regular container waits for its first start; once a pod ran, a
 * container that waits to restart counts as stopped, and a terminal phase held back keeps the phase
 * the pod had (SM-3). Only a new sandbox, which runs the init containers again, sends a pod back to
 * Pending; the catalogue judges a pod up to its first node disruption.
 */
public final class NoReturnToPending implements Invariant {
    static final String MESSAGE = "the pod phase went back from Running to Pending at %d ms";

    @Override
    public String id() {
        return "phase/no-return-to-pending";
    }

    @Override
    public String must() {
        return "Once the pod phase is Running it MUST NOT become Pending again while the pod keeps its sandbox.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go getPhase; status_manager.go mergePodStatus; SEMANTICS ST-5, SM-3, INV-3";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE);
    }

    @Override
    public Verdict check(Observed trial) {
        PodPhaseChanged running = null;
        for (PodPhaseChanged e : trial.index().all(PodPhaseChanged.class)) {
            if (running != null && e.phase() == PodPhase.Pending) {
                return Verdict.violated(String.format(MESSAGE, e.at()), running, e);
            }
            if (e.phase() == PodPhase.Running) {
                running = e;
            }
        }
        return Verdict.HOLDS;
    }
}
