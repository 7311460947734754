package dev.podcheck.conformance.audit;

import java.util.List;

/**
 * An audit judged: the cluster, the pods and one result per invariant of the catalogue.
 *
 * <p>Stability: experimental.
 */
public record AuditResult(Watched watched, List<InvariantAudit> invariants) {
    public AuditResult {
        invariants = List.copyOf(invariants);
    }

    /** 1 a violation, 3 nothing could be judged (no pod, or no invariant observable on any), 0 everything judged holds. */
    public int exitCode() {
        if (invariants.stream().anyMatch(r -> r.violated() > 0)) {
            return 1;
        }
        return uncheckedBecause() != null ? 3 : 0;
    }

    /** Why nothing could be judged, or null. */
    public String uncheckedBecause() {
        if (watched.pods().isEmpty()) {
            return "no pod was seen" + (watched.skipped() > 0 ? " (" + watched.skipped()
                    + " created before the audit began, left out by --since-now)" : "");
        }
        if (invariants.stream().noneMatch(InvariantAudit::judged)) {
            return "no invariant could be judged on any of the " + watched.pods().size() + " pods";
        }
        return null;
    }

    public List<InvariantAudit> judged() {
        return invariants.stream().filter(InvariantAudit::judged).toList();
    }

    public List<InvariantAudit> violated() {
        return invariants.stream().filter(r -> r.violated() > 0).toList();
    }
}
