package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;

/**
 * A violation, shrunk: the minimal scenario, its trace, and what reproduces it.
 *
 * @param scenario  the minimal scenario as generated (before the apiserver's defaults), ready to apply
 * @param trace     what the target did with it
 * @param origin    "seed S trial N" for a generated trial, or the corpus file it came from
 * @param trialSeed the seed of the trial's own choices (replay: the same seed and trial number)
 * @param reproduced false when a target that is not the reference no longer showed the violation on
 *                  a re-run (it is not deterministic): then scenario, trace and verdict are the
 *                  original trial's, unshrunk
 */
public record Counterexample(Invariant invariant, String origin, long trialSeed, int trial, Scenario scenario,
                             Trace trace, Verdict.Violated verdict, int shrinkSteps, boolean reproduced) {}
