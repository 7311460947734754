package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;

/** Two timelines side by side from their first difference, whole, so a failing comparison shows its context. */
final class TraceDiff {
    private TraceDiff() {}

    static String describe(Trace expected, Trace actual) {
        List<TraceEvent> e = expected.events();
        List<TraceEvent> a = actual.events();
        int first = 0;
        while (first < e.size() && first < a.size() && e.get(first).equals(a.get(first))) {
            first++;
        }
        StringBuilder out = new StringBuilder("first difference at event " + first + "\n");
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String left = i < e.size() ? e.get(i).toString() : "-";
            String right = i < a.size() ? a.get(i).toString() : "-";
            out.append(i == first ? ">> " : "   ").append(i).append(" expected ").append(left).append('\n');
            if (!left.equals(right)) {
                out.append("   ").append(i).append(" actual   ").append(right).append('\n');
            }
        }
        return out.toString();
    }
}
