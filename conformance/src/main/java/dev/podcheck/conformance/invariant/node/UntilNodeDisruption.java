package dev.podcheck.conformance.invariant.node;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Narrowed;
import java.util.List;

/**
 * An invariant written without kubelet restarts and sandbox losses in mind, judging each pod's life up to the first
 * one (see {@link NodeDisruptions}); its id, sentence and source are its own.
 */
public record UntilNodeDisruption(Invariant invariant) implements Narrowed {

    /** Every one of {@code invariants}, each judging up to the first disruption. */
    public static List<Invariant> each(List<Invariant> invariants) {
        return invariants.stream().<Invariant>map(UntilNodeDisruption::new).toList();
    }

    @Override
    public Verdict check(Observed trial) {
        return invariant.check(NodeDisruptions.beforeFirst(trial));
    }
}
