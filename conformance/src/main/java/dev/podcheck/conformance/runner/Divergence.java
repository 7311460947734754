package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.util.List;

/**
 * The first trial (lowest number, corpus first) whose trace differs from the reference engine's
 * prediction, as it happened. It is not shrunk: each shrinking step would be another pod on the
 * real target (minutes of wall time each), and a target that is not deterministic may not differ
 * again, so a shrunk divergence could chase noise; the two traces side by side are the finding.
 *
 * @param scenario    the scenario as generated or read (before the apiserver's defaults)
 * @param reference   the engine's prediction for it
 * @param observed    what the target did
 * @param differences each fact on which they differ, pod facts first
 */
public record Divergence(String origin, long trialSeed, int trial, Scenario scenario, Trace reference, Trace observed,
                         List<Difference> differences) {
    public Divergence {
        differences = List.copyOf(differences);
    }
}
