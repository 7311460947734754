package dev.podcheck.conformance.audit;

import dev.podcheck.conformance.api.Invariant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one invariant fared over the audited pods: on how many it held, which broke it, and on how many
 * it could not be judged (with the first reason).
 *
 * <p>Stability: experimental.
 */
public record InvariantAudit(Invariant invariant, int holds, List<Offence> violations, int unknown, String firstUnknown) {
    public InvariantAudit {
        violations = List.copyOf(violations);
    }

    public int violated() {
        return violations.size();
    }

    /** Whether it was judged (held or broken) on at least one pod. */
    public boolean judged() {
        return holds + violated() > 0;
    }

    /** The offences by workload ({@link AuditedPod#workload()}), in the order first found. */
    public Map<String, List<Offence>> byWorkload() {
        Map<String, List<Offence>> grouped = new LinkedHashMap<>();
        violations.forEach(o -> grouped.computeIfAbsent(o.pod().workload(), w -> new ArrayList<>()).add(o));
        return grouped;
    }
}
