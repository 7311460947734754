package dev.podcheck.conformance.selfcheck;

import dev.podcheck.engine.Fault;
import java.util.Map;
import java.util.stream.Collectors;

/** The self-check's results as the markdown of docs/self-check.md. */
final class SelfCheckTable {
    private SelfCheckTable() {}

    static String row(Detection d) {
        String caught = d.caughtBy().isEmpty() ? "**not caught**: needs " + Mutants.NOT_CAUGHT.getOrDefault(d.fault(), "?")
                : d.caughtBy().stream().map(c -> "`" + c.invariant() + "` (" + (c.trial() + 1) + ")")
                        .collect(Collectors.joining(", "));
        String trials = d.trialsToDetection().isPresent() ? String.valueOf(d.trialsToDetection().getAsInt()) : "-";
        return "| `" + d.fault() + "` | " + Mutants.RULE.get(d.fault()) + " | " + caught + " | " + trials + " |";
    }

    static String markdown(Map<Fault, Detection> detections) {
        StringBuilder out = new StringBuilder();
        out.append("| Fault | Rule broken | Caught by (trials to its first violation) | Trials to detection |\n");
        out.append("|---|---|---|---|\n");
        detections.values().forEach(d -> out.append(row(d)).append('\n'));
        return out.toString();
    }
}
