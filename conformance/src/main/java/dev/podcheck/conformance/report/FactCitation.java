package dev.podcheck.conformance.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How reports cite the facts an invariant rests on: code says {@code SEMANTICS KR-2, P-4.10, SB-1..SB-3},
 * a reader gets the anchors of the repository's docs/semantics.md, one per fact
 * ({@code docs/semantics.md#kr-2}), a step of a fact noted after it, a range spelled out.
 */
final class FactCitation {
    static final String DOC = "docs/semantics.md";
    private static final Pattern CITED = Pattern.compile("SEMANTICS ((?:[A-Z]+-\\d+[a-z]?(?:\\.\\d+)?(?:\\.\\.[A-Z]+-\\d+)?(?:, | and )?)+)");
    private static final Pattern ID = Pattern.compile("([A-Z]+)-(\\d+)([a-z]?)(?:\\.(\\d+))?(?:\\.\\.([A-Z]+)-(\\d+))?");

    private FactCitation() {}

    /** {@code source} with each "SEMANTICS ids" replaced by links into docs/semantics.md. */
    static String of(String source) {
        Matcher cited = CITED.matcher(source);
        StringBuilder out = new StringBuilder();
        while (cited.find()) {
            String list = cited.group(1);
            String trailer = list.endsWith(", ") ? ", " : list.endsWith(" and ") ? " and " : "";
            cited.appendReplacement(out, Matcher.quoteReplacement(String.join(", ", anchors(list)) + trailer));
        }
        cited.appendTail(out);
        return out.toString();
    }

    /** The anchors of docs/semantics.md a citation names, ranges expanded. */
    static List<String> anchors(String list) {
        List<String> anchors = new ArrayList<>();
        Matcher id = ID.matcher(list);
        while (id.find()) {
            String prefix = id.group(1).toLowerCase(Locale.ROOT);
            int from = Integer.parseInt(id.group(2));
            int to = id.group(6) == null ? from : Integer.parseInt(id.group(6));
            String step = id.group(4) == null ? "" : " (step " + id.group(4) + ")";
            for (int n = from; n <= to; n++) {
                anchors.add(DOC + "#" + prefix + "-" + n + (n == from ? id.group(3) : "") + step);
            }
        }
        return anchors;
    }
}
