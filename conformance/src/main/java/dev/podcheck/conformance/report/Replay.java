package dev.podcheck.conformance.report;

import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import java.util.List;
import java.util.stream.Collectors;

/** How a reader reproduces a finding: the command every report prints next to it. */
final class Replay {
    private Replay() {}

    static String command(RunResult run, Counterexample c) {
        return command(run, c.trial(), c.origin());
    }

    static String command(RunResult run, Divergence d) {
        return command(run, d.trial(), d.origin());
    }

    /**
     * {@code podcheck replay FILE} for a corpus scenario (the runner numbers them below 0), else the
     * run that draws the same trial: trial N is the (N+1)th of the seed whatever the shard, so
     * {@code --trials N+1} reaches it and shrinks it again to the same scenario. A target other than
     * the reference is named, since the default target is the engine. Every option that changed what
     * ran ({@link RunResult#rerun()}) is repeated, so the pasted command draws and runs the same pod.
     */
    private static String command(RunResult run, int trial, String origin) {
        String target = run.comparedWithReference() ? " --target " + run.target() : "";
        String common = joined(run.rerun().common());
        if (trial < 0) {
            return "podcheck replay" + target + common + " " + origin;
        }
        return "podcheck run" + target + " --seed " + run.seed() + " --trials " + (trial + 1L) + common
                + joined(run.rerun().generation());
    }

    private static String joined(List<String> options) {
        return options.stream().map(o -> " " + o).collect(Collectors.joining());
    }

    /**
     * How the counterexample shown came about: shrunk, or (on a target that is not deterministic)
     * the original trial, because its shrunk scenario did not fail again.
     */
    static String shrunk(Counterexample c) {
        return c.reproduced() ? "shrunk in " + c.shrinkSteps() + " steps"
                : "not reproduced on re-run (shown as it happened, unshrunk)";
    }

    /** The exit code of a run in words, as CI logs show it. */
    static String exitMeaning(RunResult run) {
        boolean compared = run.comparedWithReference();
        boolean knownSeen = run.invariants().stream().anyMatch(r -> r.outcome() == InvariantResult.Outcome.KNOWN_DEVIATION)
                || compared && run.differential().outcome() == DifferentialResult.Outcome.KNOWN_DEVIATION;
        switch (run.exitCode()) {
            case 0: return knownSeen ? "nothing new: every violation and difference seen is a known deviation"
                    : compared ? "every observable invariant holds and every trial agrees with the reference"
                    : "every observable invariant holds";
            case 1: return compared ? "an invariant is violated or the target differs from the reference"
                    : "an invariant is violated";
            case 3: return run.uncheckedBecause() != null ? "inconclusive: " + run.uncheckedBecause()
                    : "inconclusive: nothing violated, but target errors or unknown verdicts";
            default: return "exit code " + run.exitCode();
        }
    }
}
