package dev.podcheck.conformance.runner;

import java.time.Duration;
import java.util.List;

/**
 * A finished run: one result per invariant, what ran, and how long it took.
 *
 * @param trialsRun     trials that produced a trace (corpus scenarios included)
 * @param targetErrors  trials the target could not run (inconclusive), in trial order, with why
 * @param budgetReached the time budget stopped the run before every trial ran
 * @param differential  how the target compared with the reference engine; null when it is the reference
 */
public record RunResult(String target, long seed, Shard shard, List<InvariantResult> invariants, int trialsRun,
                        List<TrialError> targetErrors, int corpusScenarios, Duration elapsed, boolean budgetReached,
                        DifferentialResult differential) {
    public RunResult {
        invariants = List.copyOf(invariants);
        targetErrors = List.copyOf(targetErrors);
    }

    /**
     * 0 all hold, 1 a violation or a difference from the reference (not listed as known), 3
     * inconclusive (target errors or unknowns, nothing violated).
     */
    public int exitCode() {
        if (invariants.stream().anyMatch(r -> r.outcome() == InvariantResult.Outcome.VIOLATED) || differs()) {
            return 1;
        }
        boolean inconclusive = !targetErrors.isEmpty()
                || invariants.stream().anyMatch(r -> r.outcome() == InvariantResult.Outcome.UNKNOWN);
        return inconclusive ? 3 : 0;
    }

    /** Whether the target is not the reference: its trials were compared with the engine's predictions. */
    public boolean comparedWithReference() {
        return differential != null;
    }

    private boolean differs() {
        return differential != null && differential.outcome() == DifferentialResult.Outcome.DIFFERS;
    }
}
