package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.List;
import java.util.Set;

/**
 * An invariant written without kubelet restarts and sandbox losses in mind, judging each pod's life up to the first
 * one (see {@link NodeDisruptions}); its id, sentence and source are its own.
 */
public record UntilNodeDisruption(Invariant invariant) implements Invariant {

    /** Every one of {@code invariants}, each judging up to the first disruption. */
    public static List<Invariant> each(List<Invariant> invariants) {
        return invariants.stream().<Invariant>map(UntilNodeDisruption::new).toList();
    }

    @Override
    public String id() {
        return invariant.id();
    }

    @Override
    public String must() {
        return invariant.must();
    }

    @Override
    public String source() {
        return invariant.source();
    }

    @Override
    public Set<Observation> needs() {
        return invariant.needs();
    }

    @Override
    public Verdict check(Observed trial) {
        return invariant.check(NodeDisruptions.beforeFirst(trial));
    }
}
