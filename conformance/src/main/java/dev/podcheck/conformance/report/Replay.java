package dev.podcheck.conformance.report;

import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.RunResult;

/** How a reader reproduces a counterexample: the command every report prints next to it. */
final class Replay {
    private Replay() {}

    /**
     * {@code podcheck replay FILE} for a corpus scenario (the runner numbers them below 0), else the
     * run that draws the same trial: trial N is the (N+1)th of the seed whatever the shard, so
     * {@code --trials N+1} reaches it and shrinks it again to the same scenario.
     */
    static String command(RunResult run, Counterexample c) {
        if (c.trial() < 0) {
            return "podcheck replay " + c.origin();
        }
        return "podcheck run --seed " + run.seed() + " --trials " + (c.trial() + 1L);
    }

    /** The exit code of a run in words, as CI logs show it. */
    static String exitMeaning(int exitCode) {
        switch (exitCode) {
            case 0: return "every observable invariant holds";
            case 1: return "an invariant is violated";
            case 3: return "inconclusive: nothing violated, but target errors or unknown verdicts";
            default: return "exit code " + exitCode;
        }
    }
}
