package dev.podcheck.conformance.report;

import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.audit.InvariantAudit;
import dev.podcheck.conformance.audit.Offence;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The end of {@code podcheck audit} as text: a headline, one line per invariant (pods where it held,
 * broke, was unknown), each violation grouped by namespace and owner with every offending pod in full
 * (message, witness, manifest, timeline), and what the exit code means.
 *
 * <p>Stability: experimental; the text may change.
 */
public final class AuditConsole {
    private static final String INDENT = "    ";

    private AuditConsole() {}

    public static String render(AuditResult audit) {
        StringBuilder out = new StringBuilder();
        out.append(headline(audit)).append("\n\n");
        String format = "  %-40s  %5s  %8s  %7s%n";
        out.append(String.format(Locale.ROOT, format, "invariant", "holds", "violated", "unknown"));
        for (InvariantAudit r : audit.invariants()) {
            out.append(String.format(Locale.ROOT, format, r.invariant().id(), r.holds(), r.violated(), r.unknown()));
        }
        out.append("\njudged (held or broken on at least one pod): ").append(audit.judged().size()).append(" of ")
                .append(audit.invariants().size()).append(" invariants\n");
        for (InvariantAudit r : audit.violated()) {
            violations(r, out);
        }
        List<InvariantAudit> unjudged = audit.invariants().stream().filter(r -> !r.judged()).toList();
        if (!unjudged.isEmpty()) {
            out.append("\nnot judged on any pod (what they need was not seen):\n");
            unjudged.forEach(r -> out.append("  ").append(r.invariant().id()).append(": ")
                    .append(r.firstUnknown() == null ? "no pod" : r.firstUnknown()).append('\n'));
        }
        out.append("\nexit ").append(audit.exitCode()).append(": ").append(meaning(audit)).append('\n');
        return out.toString();
    }

    static String headline(AuditResult audit) {
        var w = audit.watched();
        return String.format(Locale.ROOT, "podcheck audit: %d pods on %s watched for %.0f s, held to Kubernetes %s%s",
                w.pods().size(), w.cluster(), w.elapsed().toMillis() / 1000.0, w.release().version(),
                w.skipped() > 0 ? ", " + w.skipped() + " older pods left out (--since-now)" : "");
    }

    static String meaning(AuditResult audit) {
        return switch (audit.exitCode()) {
            case 1 -> audit.violated().size() + " invariants violated";
            case 3 -> "inconclusive: " + audit.uncheckedBecause();
            default -> "every invariant that could be judged holds";
        };
    }

    private static void violations(InvariantAudit r, StringBuilder out) {
        out.append("\nVIOLATED ").append(r.invariant().id()).append(" by ").append(r.violated()).append(" of ")
                .append(r.holds() + r.violated() + r.unknown()).append(" pods\n");
        out.append("  MUST: ").append(r.invariant().must()).append('\n');
        r.byWorkload().forEach((workload, offences) -> {
            out.append("  ").append(workload).append(": ")
                    .append(offences.stream().map(o -> o.pod().name()).collect(Collectors.joining(", "))).append('\n');
            offences.forEach(o -> offence(o, out));
        });
    }

    private static void offence(Offence o, StringBuilder out) {
        out.append(INDENT).append("pod ").append(o.pod().namespace()).append('/').append(o.pod().name())
                .append(" (uid ").append(o.pod().uid()).append("): ").append(o.verdict().message()).append('\n');
        out.append(INDENT).append("witness:\n").append(indent(Witness.text(o.verdict().witness()), 2));
        out.append(INDENT).append("timeline:\n")
                .append(indent(Timeline.of(o.pod().scenario().pod()).render(o.pod().trace()), 2));
        out.append(INDENT).append("manifest:\n").append(indent(o.pod().manifest(), 2));
    }

    private static String indent(String text, int levels) {
        String prefix = INDENT.repeat(levels);
        return text.lines().map(l -> l.isEmpty() ? "\n" : prefix + l + "\n").collect(Collectors.joining());
    }
}
