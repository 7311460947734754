package dev.podcheck.conformance.versions;

import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;

/**
 * One scenario whose predicted life differs between the two releases, with both predictions.
 *
 * @param origin  where the scenario came from ("seed 1 trial 42", "pods.yaml document 2")
 * @param trialSeed the generated trial's own seed, 0 for a written scenario
 * @param scenario the scenario as shown (shrunk when it was generated), defaulted
 * @param from    the prediction under the release upgraded from
 * @param to      the prediction under the release upgraded to
 * @param shrinkSteps how many times shrinking made it smaller
 */
public record ChangedPrediction(String origin, long trialSeed, Scenario scenario, Trace from, Trace to,
                                int shrinkSteps) {}
