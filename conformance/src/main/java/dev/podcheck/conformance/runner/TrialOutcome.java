package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.util.List;

/**
 * One trial, as the tally needs it: its verdicts per invariant (null where not evaluated), how it
 * compared with the reference, and what regenerates it. Traces are kept only where a report may
 * need the trial as it happened (a target that is not the reference cannot be asked again with the
 * same result), so long runs stay small.
 *
 * @param choices     the generator's choices (null for a corpus scenario)
 * @param origin      "seed S trial N" or the corpus file
 * @param differences where the trace differs from the reference's prediction; null when not compared
 *                    (the target is the reference, or it could not run the trial)
 * @param explained   those differences split by the run's known differences; null when not compared
 * @param trace       the target's trace when the target is not the reference and the trial violates
 *                    an invariant or differs; else null
 * @param reference   the reference's prediction when the trial differs; else null
 * @param error       why the target could not run it, or null
 */
record TrialOutcome(int trial, long trialSeed, long[] choices, Scenario scenario, String origin, Verdict[] verdicts,
                    List<Difference> differences, Explained explained, Trace trace, Trace reference, String error) {

    static TrialOutcome failed(int trial, long trialSeed, long[] choices, Scenario scenario, String origin,
                               String error) {
        return new TrialOutcome(trial, trialSeed, choices, scenario, origin, null, null, null, null, null, error);
    }

    boolean differs() {
        return differences != null && !differences.isEmpty();
    }

    /** Whether it differs on a fact no known difference explains. */
    boolean differsUnexplained() {
        return explained != null && !explained.unexplained().isEmpty();
    }
}
