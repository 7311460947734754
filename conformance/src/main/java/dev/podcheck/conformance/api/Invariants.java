package dev.podcheck.conformance.api;

import java.util.EnumSet;
import java.util.Set;

/** Evaluates invariants safely: a missing observation or a failing checker is UNKNOWN, never HOLDS. */
public final class Invariants {
    private Invariants() {}

    public static Verdict evaluate(Invariant invariant, Observed trial) {
        Set<Observation> needs = invariant.needs();
        if (!trial.observations().containsAll(needs)) {
            Set<Observation> missing = EnumSet.noneOf(Observation.class);
            missing.addAll(needs);
            missing.removeAll(trial.observations());
            return Verdict.unknown("the target cannot observe " + missing);
        }
        try {
            Verdict verdict = invariant.check(trial);
            return verdict == null ? Verdict.unknown("the checker gave no verdict") : verdict;
        } catch (RuntimeException | AssertionError e) {
            return Verdict.unknown("the checker failed: " + e);
        }
    }
}
