package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.scenario.Scenario;

/**
 * One trial, as the tally needs it: its verdicts per invariant (null where not evaluated) and what
 * regenerates it. Traces are not kept, so long runs stay small.
 *
 * @param choices   the generator's choices (null for a corpus scenario)
 * @param origin    "seed S trial N" or the corpus file
 * @param error     why the target could not run it, or null
 */
record TrialOutcome(int trial, long trialSeed, long[] choices, Scenario scenario, String origin, Verdict[] verdicts,
                    String error) {}
