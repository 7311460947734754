package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.api.Invariant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of docs/semantics.md an invariant claims: the ids its {@code source()} cites after
 * "SEMANTICS", ranges such as {@code S-4..S-6} expanded, a numbered step such as {@code P-4.10}
 * counted as its fact {@code P-4}.
 */
final class ClaimedFacts {
    private static final Pattern CITED = Pattern.compile("SEMANTICS (.*)$");
    private static final Pattern ID = Pattern.compile("([A-Z]+)-(\\d+)(?:\\.\\d+)?(?:\\.\\.([A-Z]+)-(\\d+))?");

    private ClaimedFacts() {}

    static Set<String> of(Invariant invariant) {
        Matcher cited = CITED.matcher(invariant.source());
        if (!cited.find()) {
            throw new IllegalStateException(invariant.id() + " cites no fact of docs/semantics.md: " + invariant.source());
        }
        Set<String> facts = new LinkedHashSet<>();
        Matcher id = ID.matcher(cited.group(1));
        while (id.find()) {
            int from = Integer.parseInt(id.group(2));
            int to = id.group(4) == null ? from : Integer.parseInt(id.group(4));
            for (int n = from; n <= to; n++) {
                facts.add(id.group(1) + "-" + n);
            }
        }
        return facts;
    }

    /** Orders fact ids as docs/semantics.md lists them, unknown ids last. */
    static int position(List<String> semantics, String fact) {
        for (int i = 0; i < semantics.size(); i++) {
            if (semantics.get(i).startsWith("- " + fact + " ")) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }
}
