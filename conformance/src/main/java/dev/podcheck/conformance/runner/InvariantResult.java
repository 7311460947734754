package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import java.util.Optional;

/**
 * How one invariant fared over a run.
 *
 * @param observable     the target can make the observations the invariant needs
 * @param knownDeviation why a violation is expected on this target, or null
 * @param firstUnknown   the reason of the first UNKNOWN verdict, or null
 */
public record InvariantResult(Invariant invariant, boolean observable, int holds, int violated, int unknown,
                              Counterexample counterexample, String knownDeviation, String firstUnknown) {

    public enum Outcome { HOLDS, VIOLATED, KNOWN_DEVIATION, UNKNOWN, NOT_OBSERVABLE }

    public Outcome outcome() {
        if (!observable) {
            return Outcome.NOT_OBSERVABLE;
        }
        if (violated > 0) {
            return knownDeviation != null ? Outcome.KNOWN_DEVIATION : Outcome.VIOLATED;
        }
        return unknown > 0 ? Outcome.UNKNOWN : Outcome.HOLDS;
    }

    public Optional<Counterexample> counterexampleIfAny() {
        return Optional.ofNullable(counterexample);
    }
}
