package dev.podcheck.conformance.report;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.InvariantResult.Outcome;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.TrialError;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The end-of-run text: a headline, one line per invariant group, each violation in full (what to
 * replay, the shrunk pod, the witness and the timeline), known deviations and unknowns in a line
 * each, and what the exit code means. For a target that is not the reference, also how many trials
 * differed from the reference's prediction and the first divergence in full, with both timelines.
 */
final class ConsoleSummary {
    private static final String INDENT = "    ";

    private ConsoleSummary() {}

    static String render(RunResult run) {
        StringBuilder out = new StringBuilder();
        out.append(headline(run)).append("\n\n");
        groups(run, out);
        DifferentialResult differential = run.differential();
        if (differential != null) {
            out.append("\n").append(Differential.ID).append(": ").append(Divergences.count(differential)).append('\n');
        }
        for (InvariantResult r : run.invariants()) {
            if (r.outcome() == Outcome.VIOLATED && r.counterexample() != null) {
                violation(run, r, Replay.command(run, r.counterexample()), out);
            }
        }
        if (differential != null && differential.outcome() == DifferentialResult.Outcome.DIFFERS) {
            divergence(run, differential, out);
        }
        List<String> known = new ArrayList<>(run.invariants().stream()
                .filter(r -> r.outcome() == Outcome.KNOWN_DEVIATION)
                .map(r -> r.invariant().id() + ": " + r.knownDeviation() + " (" + r.violated() + " trials)").toList());
        if (differential != null) {
            known.addAll(Divergences.known(differential));
        }
        if (!known.isEmpty()) {
            out.append("\nknown deviations (expected on this target, not failing the run):\n");
            known.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        inconclusive(run, out);
        brief(run, Outcome.UNKNOWN, "unknown (could not be decided):",
                r -> r.firstUnknown() + " (" + r.unknown() + " trials)", out);
        List<String> unobservable = ids(run, Outcome.NOT_OBSERVABLE);
        if (!unobservable.isEmpty()) {
            out.append("\nnot observable on ").append(run.target()).append(": ")
                    .append(String.join(", ", unobservable)).append('\n');
        }
        out.append("\nexit ").append(run.exitCode()).append(": ").append(Replay.exitMeaning(run)).append('\n');
        return out.toString();
    }

    /** Why trials were inconclusive: each cause once, with how often and the first trial it hit. */
    private static void inconclusive(RunResult run, StringBuilder out) {
        if (run.targetErrors().isEmpty()) {
            return;
        }
        out.append("\ninconclusive (the target could not run them):\n");
        Map<String, List<TrialError>> byCause = run.targetErrors().stream()
                .collect(Collectors.groupingBy(TrialError::message, LinkedHashMap::new, Collectors.toList()));
        byCause.forEach((message, trials) -> out.append("  ").append(message).append(" (").append(trials.size())
                .append(trials.size() == 1 ? " trial: " : " trials, first: ").append(trials.get(0).origin()).append(")\n"));
    }

    private static String headline(RunResult run) {
        double seconds = run.elapsed().toNanos() / 1e9;
        String rate = seconds > 0 ? String.format(Locale.ROOT, "%.1f trials/s", run.trialsRun() / seconds) : "-- trials/s";
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "podcheck: %d trials on %s (seed %d, shard %s", run.trialsRun(), run.target(), run.seed(), run.shard()));
        if (run.corpusScenarios() > 0) {
            line.append(", ").append(run.corpusScenarios()).append(" from the corpus");
        }
        line.append(String.format(Locale.ROOT, ") in %.2f s, %s", seconds, rate));
        if (!run.targetErrors().isEmpty()) {
            line.append(", ").append(run.targetErrors().size()).append(" target errors");
        }
        if (run.budgetReached()) {
            line.append(", time budget reached");
        }
        return line.toString();
    }

    /** One line per group, in catalogue order, counting invariants by outcome. */
    private static void groups(RunResult run, StringBuilder out) {
        Map<String, Map<Outcome, Integer>> byGroup = new LinkedHashMap<>();
        for (InvariantResult r : run.invariants()) {
            byGroup.computeIfAbsent(r.invariant().group(), g -> new EnumMap<>(Outcome.class))
                    .merge(r.outcome(), 1, Integer::sum);
        }
        int width = byGroup.keySet().stream().mapToInt(String::length).max().orElse(5);
        String format = "  %-" + Math.max(width, 5) + "s  %5s  %5s  %8s  %5s  %7s  %14s%n";
        out.append(String.format(Locale.ROOT, format, "group", "total", "holds", "violated", "known", "unknown",
                "not observable"));
        byGroup.forEach((group, counts) -> out.append(String.format(Locale.ROOT, format, group,
                counts.values().stream().mapToInt(Integer::intValue).sum(), count(counts, Outcome.HOLDS),
                count(counts, Outcome.VIOLATED), count(counts, Outcome.KNOWN_DEVIATION),
                count(counts, Outcome.UNKNOWN), count(counts, Outcome.NOT_OBSERVABLE))));
    }

    private static int count(Map<Outcome, Integer> counts, Outcome outcome) {
        return counts.getOrDefault(outcome, 0);
    }

    static void violation(RunResult run, InvariantResult r, String replay, StringBuilder out) {
        Counterexample c = r.counterexample();
        out.append("\nVIOLATED ").append(r.invariant().id()).append(" in ").append(r.violated()).append(" of ")
                .append(r.holds() + r.violated() + r.unknown()).append(" trials\n");
        out.append("  MUST:    ").append(r.invariant().must()).append('\n');
        out.append("  found:   ").append(c.origin()).append(", ").append(Replay.shrunk(c)).append('\n');
        out.append("  replay:  ").append(replay).append('\n');
        out.append("  message: ").append(c.verdict().message()).append('\n');
        out.append("  witness:\n").append(indent(Witness.text(c.verdict().witness())));
        out.append("  pod:\n").append(indent(ScenarioWriter.toYaml(c.scenario())));
        out.append("  timeline:\n").append(indent(Timeline.of(c.scenario().pod()).render(c.trace())));
    }

    /** The first divergence in full: what differs, how to replay it, the pod, and both timelines. */
    private static void divergence(RunResult run, DifferentialResult r, StringBuilder out) {
        Divergence d = r.first();
        out.append("\nDIFFERS ").append(Differential.ID).append(": ").append(Divergences.count(r)).append('\n');
        out.append("  MUST:    ").append(Divergences.MUST).append('\n');
        out.append("  found:   ").append(Divergences.found(d)).append('\n');
        out.append("  replay:  ").append(Replay.command(run, d)).append('\n');
        out.append("  differences:\n");
        Divergences.messages(run, d).forEach(m -> out.append(INDENT).append(m).append('\n'));
        out.append("  pod:\n").append(indent(ScenarioWriter.toYaml(d.scenario())));
        out.append("  timelines:\n").append(indent(Divergences.timelines(run, d)));
    }

    private static void brief(RunResult run, Outcome outcome, String title,
                              java.util.function.Function<InvariantResult, String> why, StringBuilder out) {
        List<InvariantResult> listed = run.invariants().stream().filter(r -> r.outcome() == outcome).toList();
        if (listed.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append('\n');
        listed.forEach(r -> out.append("  ").append(r.invariant().id()).append(": ").append(why.apply(r)).append('\n'));
    }

    private static List<String> ids(RunResult run, Outcome outcome) {
        return run.invariants().stream().filter(r -> r.outcome() == outcome).map(r -> r.invariant().id()).toList();
    }

    private static String indent(String text) {
        return text.lines().map(l -> l.isEmpty() ? "\n" : INDENT + l + "\n").collect(Collectors.joining());
    }
}
