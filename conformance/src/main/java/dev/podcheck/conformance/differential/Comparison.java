package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Timing;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One trial of a target that is not the reference, beside the reference engine's prediction for it.
 *
 * @param reference   the engine's trace of the same defaulted scenario over the same horizon
 * @param differences the facts on which the target's trace differs; empty when it agrees
 */
public record Comparison(Trace reference, List<Difference> differences) {
    public Comparison {
        differences = List.copyOf(differences);
    }

    /**
     * Asks the engine for its prediction and compares the observed trace with it, on what the
     * target observes, within its timing. The engine sees everything; its outcome is read with the
     * target's observations, so a fact the target cannot see is never held against it.
     *
     * @param profile the Kubernetes release the engine plays: the one the run holds the target to ({@code RunPlan#release})
     */
    public static Comparison of(Scenario defaulted, Trace observed, Set<Observation> observations, Timing timing,
                                Duration horizon, Profile profile) {
        Trace reference = Engine.simulate(defaulted, EngineOptions.DEFAULT.withProfile(profile).withHorizon(horizon));
        Outcome predicted = Outcomes.of(reference, defaulted, observations, horizon);
        Outcome seen = Outcomes.of(observed, defaulted, observations, horizon);
        return new Comparison(reference, Differential.compare(defaulted, predicted, seen, timing));
    }

    /** The same, the engine playing its default profile. */
    public static Comparison of(Scenario defaulted, Trace observed, Set<Observation> observations, Timing timing,
                                Duration horizon) {
        return of(defaulted, observed, observations, timing, horizon, Profile.DEFAULT);
    }

    public boolean differs() {
        return !differences.isEmpty();
    }
}
