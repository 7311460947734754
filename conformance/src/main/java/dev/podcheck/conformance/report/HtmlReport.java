package dev.podcheck.conformance.report;

import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.DifferentialResult;
import dev.podcheck.conformance.runner.Divergence;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.InvariantResult.Outcome;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;
import java.util.Locale;

/**
 * The run as one self-contained HTML page for CI artefacts: inline CSS, no script, nothing fetched.
 * A summary table of every invariant, then per counterexample its MUST sentence, message, how to
 * replay it, the shrunk pod, an {@link SvgTimeline} picture and the text timeline. For a target that
 * is not the reference, a row and a section for its comparison with the engine: the first
 * divergence with both pictures, the reference above the target.
 *
 * <p>Stability: experimental; the page's look may change.
 */
public final class HtmlReport {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1280px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-top:1px solid #ccc;padding-top:16px}
            table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.n{text-align:right}
            .HOLDS{background:#e4f4e9}.VIOLATED{background:#fbe3e1}.UNKNOWN{background:#fdf3d7}.KNOWN_DEVIATION,.NOT_OBSERVABLE{color:#777}
            .outcome{font-weight:bold}.must{font-style:italic}
            pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:8px;overflow-x:auto;font-size:12px}
            .message{font-weight:bold;color:#a0241b}code{background:#f1f1f1;padding:1px 4px}
            .picture{overflow-x:auto}
            """;

    private HtmlReport() {}

    public static String toHtml(RunResult run) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>podcheck report: ")
                .append(e(run.target())).append(" seed ").append(run.seed()).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n");
        headline(run, html);
        table(run, html);
        for (InvariantResult r : run.invariants()) {
            if (r.counterexample() != null) {
                counterexample(run, r, html);
            }
        }
        if (run.comparedWithReference() && run.differential().first() != null) {
            divergence(run, run.differential(), html);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void headline(RunResult run, StringBuilder html) {
        html.append("<h1>podcheck: exit ").append(run.exitCode()).append(", ").append(e(Replay.exitMeaning(run)))
                .append("</h1>\n<p>").append(run.trialsRun()).append(" trials on <code>").append(e(run.target()))
                .append("</code>, seed <code>").append(run.seed()).append("</code>, shard <code>").append(run.shard())
                .append("</code>");
        if (run.corpusScenarios() > 0) {
            html.append(", ").append(run.corpusScenarios()).append(" from the corpus");
        }
        html.append(String.format(Locale.ROOT, ", %.2f s", run.elapsed().toMillis() / 1000.0));
        if (!run.targetErrors().isEmpty()) {
            html.append(", ").append(run.targetErrors().size()).append(" target errors");
        }
        if (run.budgetReached()) {
            html.append(", time budget reached");
        }
        html.append(".</p>\n");
    }

    private static void table(RunResult run, StringBuilder html) {
        html.append("<table class=\"summary\">\n<tr><th>invariant</th><th>outcome</th><th>holds</th><th>violated</th>"
                + "<th>unknown</th><th>MUST</th><th>note</th></tr>\n");
        for (InvariantResult r : run.invariants()) {
            String id = e(r.invariant().id());
            String name = r.counterexample() == null ? id : "<a href=\"#" + anchor(r) + "\">" + id + "</a>";
            html.append("<tr class=\"").append(r.outcome()).append("\"><td>").append(name)
                    .append("</td><td class=\"outcome\">").append(r.outcome())
                    .append("</td><td class=\"n\">").append(r.holds())
                    .append("</td><td class=\"n\">").append(r.violated())
                    .append("</td><td class=\"n\">").append(r.unknown())
                    .append("</td><td class=\"must\">").append(e(r.invariant().must()))
                    .append("</td><td>").append(e(note(run, r))).append("</td></tr>\n");
        }
        if (run.comparedWithReference()) {
            differentialRow(run, run.differential(), html);
        }
        html.append("</table>\n");
    }

    /** The comparison with the reference as a row like an invariant's: agreeing trials hold, differing ones violate. */
    private static void differentialRow(RunResult run, DifferentialResult r, StringBuilder html) {
        String name = r.first() == null ? Differential.ID
                : "<a href=\"#" + Differential.ID + "\">" + Differential.ID + "</a>";
        String note = "compared with the reference engine on what " + run.target() + " observes"
                + (r.known().isEmpty() ? "" : "; known: " + String.join("; ", Divergences.known(r)));
        html.append("<tr class=\"").append(rowClass(r.outcome())).append("\"><td>").append(name)
                .append("</td><td class=\"outcome\">").append(r.outcome())
                .append("</td><td class=\"n\">").append(r.compared() - r.differing())
                .append("</td><td class=\"n\">").append(r.differing())
                .append("</td><td class=\"n\">0</td><td class=\"must\">").append(e(Divergences.MUST))
                .append("</td><td>").append(e(note)).append("</td></tr>\n");
    }

    /** The invariant outcome whose colours a differential outcome takes. */
    private static Outcome rowClass(DifferentialResult.Outcome outcome) {
        return switch (outcome) {
            case AGREES -> Outcome.HOLDS;
            case DIFFERS -> Outcome.VIOLATED;
            case KNOWN_DEVIATION -> Outcome.KNOWN_DEVIATION;
        };
    }

    private static String note(RunResult run, InvariantResult r) {
        if (r.outcome() == Outcome.KNOWN_DEVIATION) {
            return "known deviation: " + r.knownDeviation();
        }
        if (r.outcome() == Outcome.NOT_OBSERVABLE) {
            return "not observable on " + run.target();
        }
        return r.firstUnknown() == null ? "" : "first unknown: " + r.firstUnknown();
    }

    private static void counterexample(RunResult run, InvariantResult r, StringBuilder html) {
        Counterexample c = r.counterexample();
        html.append("<h2 id=\"").append(anchor(r)).append("\">").append(r.outcome()).append(' ')
                .append(e(r.invariant().id())).append("</h2>\n");
        html.append("<p class=\"must\">MUST: ").append(e(r.invariant().must())).append("</p>\n");
        html.append("<p class=\"message\">").append(e(c.verdict().message())).append("</p>\n");
        html.append("<p>Found in ").append(e(c.origin())).append(", violated in ").append(r.violated())
                .append(" trials, ").append(e(Replay.shrunk(c))).append(". Replay: <code>")
                .append(e(Replay.command(run, c))).append("</code>. Source: ").append(e(FactCitation.of(r.invariant().source())))
                .append("</p>\n");
        html.append("<div class=\"picture\">\n")
                .append(SvgTimeline.render(c.scenario().pod(), c.trace(), c.verdict().witness())).append("</div>\n");
        html.append("<h3>Witness</h3>\n<pre class=\"witness\">").append(e(Witness.text(c.verdict().witness())))
                .append("</pre>\n");
        html.append("<h3>Pod</h3>\n<pre class=\"pod\">").append(e(ScenarioWriter.toYaml(c.scenario()))).append("</pre>\n");
        html.append("<details><summary>Timeline as text</summary>\n<pre class=\"timeline\">")
                .append(e(Timeline.of(c.scenario().pod()).render(c.trace()))).append("</pre>\n</details>\n");
    }

    /**
     * The first divergence: its differences, then the reference's and the target's timelines one
     * above the other on one time axis, the pod, and both timelines as text.
     */
    private static void divergence(RunResult run, DifferentialResult r, StringBuilder html) {
        Divergence d = r.first();
        html.append("<h2 id=\"").append(Differential.ID).append("\">").append(r.outcome()).append(' ')
                .append(Differential.ID).append("</h2>\n");
        html.append("<p class=\"must\">MUST: ").append(e(Divergences.MUST)).append("</p>\n<ul class=\"differences\">\n");
        Divergences.messages(run, d).forEach(m -> html.append("<li class=\"message\">").append(e(m)).append("</li>\n"));
        html.append("</ul>\n<p>Found in ").append(e(Divergences.found(d))).append("; ").append(e(Divergences.count(r)))
                .append(". Replay: <code>").append(e(Replay.command(run, d))).append("</code>.</p>\n");
        long end = Math.max(d.reference().end(), d.observed().end());
        html.append("<h3>Reference (engine)</h3>\n<div class=\"picture reference\">\n")
                .append(SvgTimeline.render(d.scenario().pod(), d.reference(), List.of(), end)).append("</div>\n");
        html.append("<h3>Observed on ").append(e(run.target())).append("</h3>\n<div class=\"picture observed\">\n")
                .append(SvgTimeline.render(d.scenario().pod(), d.observed(), List.of(), end)).append("</div>\n");
        html.append("<h3>Pod</h3>\n<pre class=\"pod\">").append(e(ScenarioWriter.toYaml(d.scenario()))).append("</pre>\n");
        html.append("<details><summary>Timelines as text</summary>\n<pre class=\"timeline\">")
                .append(e(Divergences.timelines(run, d))).append("</pre>\n</details>\n");
    }

    /** An id attribute value from an invariant id: {@code init/order} becomes {@code cx-init-order}. */
    private static String anchor(InvariantResult r) {
        return "cx-" + r.invariant().id().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String e(String text) {
        return XmlText.html(text == null ? "" : text);
    }
}
