package dev.podcheck.conformance.report;

import dev.podcheck.conformance.versions.ChangedPrediction;
import dev.podcheck.conformance.versions.RuleChange;
import dev.podcheck.conformance.versions.VersionDiffResult;
import dev.podcheck.engine.ReleaseRule;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;

/**
 * {@code diff-versions} as one self-contained page: the rules that differ, then per change its shrunk pod, both
 * timelines as pictures on one time axis (the release upgraded from above), and the text timelines side by side.
 *
 * <p>Stability: experimental; the page's look may change.
 */
public final class VersionDiffHtml {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1400px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-top:1px solid #ccc;padding-top:16px}
            table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:8px;overflow-x:auto;font-size:12px}
            table.aligned{font-family:monospace;font-size:12px;white-space:pre}table.aligned td{border:none;padding:0 8px}
            tr.changed td{background:#fbe3e1}.picture{overflow-x:auto}
            """;

    private VersionDiffHtml() {}

    public static String toHtml(VersionDiffResult r) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>podcheck diff-versions ").append(e(r.from().version())).append(" to ")
                .append(e(r.to().version())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n")
                .append("<h1>podcheck diff-versions: exit ").append(r.exitCode()).append(", ")
                .append(e(VersionDiffText.meaning(r))).append("</h1>\n<p>").append(e(VersionDiffText.headline(r)))
                .append(".</p>\n");
        html.append("<table class=\"rules\">\n<tr><th>rule</th><th>").append(e(r.from().version())).append("</th><th>")
                .append(e(r.to().version())).append("</th><th>scenarios changed</th><th>upstream change</th></tr>\n");
        for (ReleaseRule rule : r.differingRules()) {
            int changed = r.changes().stream().filter(c -> c.rules().contains(rule)).mapToInt(RuleChange::scenarios).sum();
            html.append("<tr><td>").append(e(rule.id())).append(" (").append(e(rule.semanticsId())).append(")</td><td>")
                    .append(e(rule.valueIn(r.from()))).append("</td><td>").append(e(rule.valueIn(r.to())))
                    .append("</td><td>").append(changed).append("</td><td>").append(e(rule.change())).append("</td></tr>\n");
        }
        html.append("</table>\n");
        for (RuleChange c : r.changes()) {
            change(r, c, html);
        }
        return html.append("</body>\n</html>\n").toString();
    }

    private static void change(VersionDiffResult r, RuleChange c, StringBuilder html) {
        ChangedPrediction ex = c.example();
        html.append("<h2>").append(e(VersionDiffText.change(c))).append("</h2>\n");
        html.append("<h3>Pod</h3>\n<pre class=\"pod\">").append(e(ScenarioWriter.toYaml(ex.scenario()))).append("</pre>\n");
        long end = Math.max(ex.from().end(), ex.to().end());
        html.append("<h3>Under ").append(e(r.from().version())).append("</h3>\n<div class=\"picture from\">\n")
                .append(SvgTimeline.render(ex.scenario().pod(), ex.from(), List.of(), end)).append("</div>\n");
        html.append("<h3>Under ").append(e(r.to().version())).append("</h3>\n<div class=\"picture to\">\n")
                .append(SvgTimeline.render(ex.scenario().pod(), ex.to(), List.of(), end)).append("</div>\n");
        html.append("<h3>Timelines side by side</h3>\n<table class=\"aligned\">\n<tr><th>")
                .append(e(r.from().version())).append("</th><th>").append(e(r.to().version())).append("</th></tr>\n");
        for (SideBySide.Row row : VersionDiffText.aligned(ex).rows()) {
            html.append(row.same() ? "<tr>" : "<tr class=\"changed\">").append("<td>").append(e(row.left()))
                    .append("</td><td>").append(e(row.right())).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static String e(String text) {
        return XmlText.html(text == null ? "" : text);
    }
}
