package dev.podcheck.conformance.runner;

import java.time.Duration;
import java.util.List;

/**
 * A finished run (or the part of it that finished before Ctrl-C): one result per invariant, what
 * ran, and how long it took.
 *
 * @param trialsRun     trials that produced a trace (corpus scenarios included)
 * @param targetErrors  trials the target could not run (inconclusive), in trial order, with why
 * @param budgetReached the time budget stopped the run before every trial ran
 * @param differential  how the target compared with the reference engine; null when it is the reference
 * @param trialsPlanned the trials this run was to run: its shard's generated trials and the corpus
 * @param requested     the generated trials asked for (--trials), over all shards
 * @param minTrials     how many trials must have run when the budget stops the run
 * @param interrupted   the run was stopped (Ctrl-C) and this is what finished before
 * @param rerun         the command line's options a replay must repeat ({@link RerunOptions#NONE} from the library)
 */
public record RunResult(String target, long seed, Shard shard, List<InvariantResult> invariants, int trialsRun,
                        List<TrialError> targetErrors, int corpusScenarios, Duration elapsed, boolean budgetReached,
                        DifferentialResult differential, int trialsPlanned, int requested, int minTrials,
                        boolean interrupted, RerunOptions rerun) {
    public RunResult {
        invariants = List.copyOf(invariants);
        targetErrors = List.copyOf(targetErrors);
        rerun = rerun == null ? RerunOptions.NONE : rerun;
    }

    /** A run with nothing for the replay to repeat beyond seed and trials (the runner's own result). */
    public RunResult(String target, long seed, Shard shard, List<InvariantResult> invariants, int trialsRun,
                     List<TrialError> targetErrors, int corpusScenarios, Duration elapsed, boolean budgetReached,
                     DifferentialResult differential, int trialsPlanned, int requested, int minTrials,
                     boolean interrupted) {
        this(target, seed, shard, invariants, trialsRun, targetErrors, corpusScenarios, elapsed, budgetReached,
                differential, trialsPlanned, requested, minTrials, interrupted, RerunOptions.NONE);
    }

    /** A complete run of what it planned (reports' tests build these by hand). */
    public RunResult(String target, long seed, Shard shard, List<InvariantResult> invariants, int trialsRun,
                     List<TrialError> targetErrors, int corpusScenarios, Duration elapsed, boolean budgetReached,
                     DifferentialResult differential) {
        this(target, seed, shard, invariants, trialsRun, targetErrors, corpusScenarios, elapsed, budgetReached,
                differential, trialsRun + targetErrors.size(), trialsRun + targetErrors.size(), 0, false);
    }

    /** The same result, marked as what finished before the run was stopped. */
    public RunResult asInterrupted() {
        return new RunResult(target, seed, shard, invariants, trialsRun, targetErrors, corpusScenarios, elapsed,
                budgetReached, differential, trialsPlanned, requested, minTrials, true, rerun);
    }

    /** The same result, with the options its replay command must repeat. */
    public RunResult withRerun(RerunOptions value) {
        return new RunResult(target, seed, shard, invariants, trialsRun, targetErrors, corpusScenarios, elapsed,
                budgetReached, differential, trialsPlanned, requested, minTrials, interrupted, value);
    }

    /**
     * 0 all hold, 1 a violation or a difference from the reference (not listed as known), 3
     * inconclusive (target errors or unknowns, nothing violated; or nothing checked at all).
     */
    public int exitCode() {
        if (invariants.stream().anyMatch(r -> r.outcome() == InvariantResult.Outcome.VIOLATED) || differs()) {
            return 1;
        }
        boolean inconclusive = !targetErrors.isEmpty() || uncheckedBecause() != null
                || invariants.stream().anyMatch(r -> r.outcome() == InvariantResult.Outcome.UNKNOWN);
        return inconclusive ? 3 : 0;
    }

    /**
     * Why the run checked too little to count, whatever held: a gate must not pass on nothing. Null
     * when it checked what it was asked to.
     */
    public String uncheckedBecause() {
        int finished = trialsRun + targetErrors.size();
        if (interrupted) {
            return "interrupted after " + finished + " of " + trialsPlanned + " trials";
        }
        if (trialsRun == 0) {
            return "no trial ran (" + (requested == 0 && corpusScenarios == 0 ? "--trials 0"
                    : trialsPlanned == 0 ? "shard " + shard + " owns none of the " + requested + " trials"
                    : budgetReached && finished == 0 ? "the time budget ran out first"
                    : "the target could not run any") + ")";
        }
        if (budgetReached && finished < minTrials) {
            return "the time budget ended the run after " + finished + " of " + trialsPlanned + " trials, fewer than"
                    + " --min-trials " + minTrials;
        }
        boolean compared = differential != null && differential.compared() > 0;
        if (!compared && invariants.stream().noneMatch(r -> r.holds() + r.violated() > 0)) {
            return "no selected invariant could be checked on any trial (not observable on " + target
                    + ", or unknown on every trial)";
        }
        return null;
    }

    /** Whether the target is not the reference: its trials were compared with the engine's predictions. */
    public boolean comparedWithReference() {
        return differential != null;
    }

    private boolean differs() {
        return differential != null && differential.outcome() == DifferentialResult.Outcome.DIFFERS;
    }
}
