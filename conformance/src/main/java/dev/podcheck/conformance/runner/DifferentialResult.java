package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.differential.Differential;
import java.util.List;

/**
 * How a target that is not the reference compared with the engine's predictions over a run: the
 * finding {@value Differential#ID}.
 *
 * @param compared       trials compared (those the target ran)
 * @param differing      trials whose outcome differed from the prediction
 * @param first          the first of them, or null
 * @param knownDeviation why differences are expected on this target, or null
 */
public record DifferentialResult(int compared, int differing, Divergence first, String knownDeviation) {

    public enum Outcome { AGREES, DIFFERS, KNOWN_DEVIATION }

    public Outcome outcome() {
        if (differing == 0) {
            return Outcome.AGREES;
        }
        return knownDeviation != null ? Outcome.KNOWN_DEVIATION : Outcome.DIFFERS;
    }

    /** Counts the compared trials of a run, in trial order, and keeps the first that differs. */
    static DifferentialResult tally(List<TrialOutcome> ordered, String knownDeviation) {
        int compared = 0;
        int differing = 0;
        Divergence first = null;
        for (TrialOutcome o : ordered) {
            if (o.differences() == null) {
                continue;
            }
            compared++;
            if (o.differs()) {
                differing++;
                first = first != null ? first : new Divergence(o.origin(), o.trialSeed(), o.trial(), o.scenario(),
                        o.reference(), o.trace(), o.differences());
            }
        }
        return new DifferentialResult(compared, differing, first, knownDeviation);
    }
}
