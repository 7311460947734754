package dev.podcheck.conformance.invariant.eviction;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * eviction/evicted-status (SEMANTICS E-6, E-7, ST-17, INV-23, LS-1). The terminal phase waits until the
 * containers stopped (SM-3): with the 1 s hard-threshold grace and the 2 s minimum, that is due
 * within {@link #DUE_SECONDS}.
 */
public final class EvictedStatus implements Invariant {
    static final String PREFIX = "The node was low on resource:";
    static final long DUE_SECONDS = 10;
    static final String BAD_PHASE = "the pod evicted at %d ms ended %s with reason \"%s\" and message \"%s\"";
    static final String NO_PHASE = "the pod evicted at %d ms was not Failed by %d ms";
    static final String NO_DISRUPTION = "the pod evicted at %d ms has no DisruptionTarget True/%s with its "
            + "terminal phase";
    static final String TERMINATION_BY_KUBELET = "TerminationByKubelet";
    static final String LOCAL_STORAGE = "ephemeral-storage";

    @Override
    public String id() {
        return "eviction/evicted-status";
    }

    @Override
    public String must() {
        return "A pod evicted for node pressure MUST end Failed with reason Evicted and a message starting \""
                + PREFIX + "\", together with condition DisruptionTarget True, reason TerminationByKubelet; one evicted "
                + "for a local storage limit MUST end Failed with reason Evicted and the eviction's message.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/eviction/eviction_manager.go evictPod, helpers.go evictionMessage; status_manager.go "
                + "mergePodStatus; SEMANTICS E-7, ST-17, INV-23";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.EVICTION, Observation.PHASE, Observation.CONDITIONS);
    }

    @Override
    public Verdict check(Observed trial) {
        Optional<PodEvicted> evicted = trial.index().all(PodEvicted.class).stream().findFirst();
        if (evicted.isEmpty()) {
            return Verdict.HOLDS;
        }
        PodEvicted ev = evicted.get();
        Optional<PodPhaseChanged> end = trial.index().all(PodPhaseChanged.class).stream()
                .filter(p -> p.at() >= ev.at() && p.phase().isTerminal()).findFirst();
        long due = ev.at() + DUE_SECONDS * 1000 + trial.toleranceMillis();
        if (end.isEmpty() || end.get().at() > due) {
            if (end.isEmpty() && due >= trial.horizonMillis()) {
                return Verdict.HOLDS; // not due yet when the trace ends
            }
            boolean removedFirst = trial.index().all(TraceEvent.PodRemoved.class).stream()
                    .anyMatch(r -> r.at() >= ev.at() && r.at() <= due && (end.isEmpty() || r.at() < end.get().at()));
            if (removedFirst) {
                return Verdict.HOLDS; // a DELETE removed the object before its phase could be seen
            }
            return Verdict.violated(String.format(NO_PHASE, ev.at(), due), ev);
        }
        PodPhaseChanged p = end.get();
        boolean localStorage = ev.resource().equals(LOCAL_STORAGE);
        String expected = localStorage ? ev.message() : PREFIX;
        if (p.phase() != PodPhase.Failed || !p.reason().equals("Evicted") || !p.message().startsWith(expected)) {
            return Verdict.violated(String.format(BAD_PHASE, ev.at(), p.phase(), p.reason(), p.message()), ev, p);
        }
        if (localStorage) {
            return Verdict.HOLDS; // evictPod gets no condition for a local storage limit (LS-1)
        }
        boolean disrupted = trial.index().all(PodConditionChanged.class).stream()
                .filter(c -> c.at() >= ev.at() && c.at() <= p.at() + trial.toleranceMillis())
                .anyMatch(c -> c.condition().type() == ConditionType.DisruptionTarget && c.condition().status()
                        && c.condition().reason().equals(TERMINATION_BY_KUBELET));
        if (!disrupted) {
            return Verdict.violated(String.format(NO_DISRUPTION, ev.at(), TERMINATION_BY_KUBELET), List.of(ev, p));
        }
        return Verdict.HOLDS;
    }
}
