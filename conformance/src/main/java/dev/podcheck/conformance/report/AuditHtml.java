package dev.podcheck.conformance.report;

import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.InvariantAudit;
import dev.podcheck.conformance.audit.Offence;

/**
 * An audit as one self-contained HTML page: a table of every invariant (pods where it held, broke,
 * was unknown), then per violated invariant its offending pods grouped by namespace and owner, each
 * with its timeline as a picture and as text, its witness and its manifest.
 *
 * <p>Stability: experimental; the page's look may change.
 */
public final class AuditHtml {
    private static final String CSS = """
            body{font-family:system-ui,sans-serif;margin:24px;color:#222;max-width:1280px}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-top:1px solid #ccc;padding-top:16px}
            h3{font-size:15px}table{border-collapse:collapse;font-size:13px}
            td,th{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}td.n{text-align:right}.violated{background:#fbe3e1}.unjudged{color:#777}
            .must{font-style:italic}.message{font-weight:bold;color:#a0241b}
            pre{background:#f7f7f7;border:1px solid #e2e2e2;padding:8px;overflow-x:auto;font-size:12px}
            .picture{overflow-x:auto}
            """;

    private AuditHtml() {}

    public static String toHtml(AuditResult audit) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>podcheck audit: ").append(e(audit.watched().cluster())).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body>\n<h1>podcheck audit: exit ").append(audit.exitCode())
                .append(", ").append(e(AuditConsole.meaning(audit))).append("</h1>\n<p>")
                .append(e(AuditConsole.headline(audit))).append("</p>\n");
        html.append("<table class=\"summary\">\n<tr><th>invariant</th><th>holds</th><th>violated</th><th>unknown</th>"
                + "<th>MUST</th><th>note</th></tr>\n");
        for (InvariantAudit r : audit.invariants()) {
            String id = e(r.invariant().id());
            html.append("<tr class=\"").append(r.violated() > 0 ? "violated" : r.judged() ? "judged" : "unjudged")
                    .append("\"><td>").append(r.violated() > 0 ? "<a href=\"#" + anchor(r) + "\">" + id + "</a>" : id)
                    .append("</td><td class=\"n\">").append(r.holds()).append("</td><td class=\"n\">").append(r.violated())
                    .append("</td><td class=\"n\">").append(r.unknown()).append("</td><td class=\"must\">")
                    .append(e(r.invariant().must())).append("</td><td>")
                    .append(e(r.firstUnknown() == null ? "" : "first unknown: " + r.firstUnknown()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
        audit.violated().forEach(r -> violated(r, html));
        return html.append("</body>\n</html>\n").toString();
    }

    private static void violated(InvariantAudit r, StringBuilder html) {
        html.append("<h2 id=\"").append(anchor(r)).append("\">VIOLATED ").append(e(r.invariant().id()))
                .append("</h2>\n<p class=\"must\">MUST: ").append(e(r.invariant().must())).append("</p>\n<p>Source: ")
                .append(e(FactCitation.of(r.invariant().source()))).append("</p>\n");
        r.byWorkload().forEach((workload, offences) -> {
            html.append("<h3>").append(e(workload)).append("</h3>\n");
            offences.forEach(o -> offence(o, html));
        });
    }

    private static void offence(Offence o, StringBuilder html) {
        html.append("<p>Pod <code>").append(e(o.pod().namespace() + "/" + o.pod().name())).append("</code> (uid ")
                .append(e(o.pod().uid())).append(")</p>\n<p class=\"message\">").append(e(o.verdict().message()))
                .append("</p>\n<div class=\"picture\">\n")
                .append(SvgTimeline.render(o.pod().scenario().pod(), o.pod().trace(), o.verdict().witness()))
                .append("</div>\n<pre class=\"witness\">").append(e(Witness.text(o.verdict().witness())))
                .append("</pre>\n<details><summary>Timeline as text</summary>\n<pre class=\"timeline\">")
                .append(e(Timeline.of(o.pod().scenario().pod()).render(o.pod().trace())))
                .append("</pre>\n</details>\n<details><summary>Manifest (kubectl get -o yaml)</summary>\n<pre class=\"pod\">")
                .append(e(o.pod().manifest())).append("</pre>\n</details>\n");
    }

    private static String anchor(InvariantAudit r) {
        return "audit-" + r.invariant().id().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    private static String e(String text) {
        return XmlText.html(text == null ? "" : text);
    }
}
