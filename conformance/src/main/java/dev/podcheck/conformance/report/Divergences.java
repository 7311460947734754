package dev.podcheck.conformance.report;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.RunResult;
import java.util.List;
import java.util.stream.Collectors;

/** The finding {@value Differential#ID} in the words every report uses. */
final class Divergences {
    /** What the finding asks of a target, as an invariant's MUST sentence would. */
    static final String MUST = "On every fact Kubernetes promises (orders, counts, outcomes, and durations each measured "
            + "from its own cause; ids differs/...) the target MUST match the reference engine's prediction within "
            + "what its timing adds to that step.";

    /** The group reports file the finding under, as an invariant's group. */
    static final String GROUP = "differential";

    private Divergences() {}

    /**
     * "3 of 40 trials differ from the reference (differs/run-time in 2, differs/exit-code in 1)": the
     * trials no known difference explains, then every fact with the trials that differ on it.
     */
    static String count(DifferentialResult r) {
        String facts = r.byFact().entrySet().stream().map(e -> e.getKey() + " in " + e.getValue())
                .collect(Collectors.joining(", "));
        return r.differing() + " of " + r.compared() + " trials differ from the reference"
                + (r.differing() == 0 && !facts.isEmpty() ? " beyond the known differences" : "")
                + (facts.isEmpty() ? "" : " (" + facts + ")");
    }

    /** One line per known difference that explained a trial: "differs/restart-interval: why (4 trials)". */
    static List<String> known(DifferentialResult r) {
        return r.known().stream().map(k -> k.label() + ": " + k.reason() + " (" + k.trials() + " trials)").toList();
    }

    /** One sentence per difference of the first divergence. */
    static List<String> messages(RunResult run, Divergence d) {
        return d.differences().stream().map(x -> x.message(run.target())).toList();
    }

    /** Where the divergence was found; it is never shrunk (see {@link Divergence}). */
    static String found(Divergence d) {
        return d.origin() + ", as it happened (a divergence is not shrunk)";
    }

    /** Both traces as text, the reference first. */
    static String timelines(RunResult run, Divergence d) {
        Timeline timeline = Timeline.of(d.scenario().pod());
        return "reference (engine):\n" + timeline.render(d.reference()) + "\nobserved on " + run.target() + ":\n"
                + timeline.render(d.observed());
    }
}
