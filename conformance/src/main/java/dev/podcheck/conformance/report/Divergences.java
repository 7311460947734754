package dev.podcheck.conformance.report;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.RunResult;
import java.util.List;

/** The finding {@value Differential#ID} in the words every report uses. */
final class Divergences {
    /** What the finding asks of a target, as an invariant's MUST sentence would. */
    static final String MUST = "The target's outcome (QoS class, phase, removal, readiness, order of starts and exits, "
            + "restart counts, exits) MUST match the reference engine's prediction within the target's tolerance.";

    /** The group reports file the finding under, as an invariant's group. */
    static final String GROUP = "differential";

    private Divergences() {}

    /** "3 of 40 trials differ from the reference". */
    static String count(DifferentialResult r) {
        return r.differing() + " of " + r.compared() + " trials differ from the reference";
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
