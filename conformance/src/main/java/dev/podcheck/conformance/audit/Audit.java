package dev.podcheck.conformance.audit;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Invariants;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges watched pods with the catalogue: every invariant on every pod, each with what the audit saw
 * of that pod. An invariant that needs what was not seen (a behaviour, a probe run, the Events before
 * the first sighting) is UNKNOWN there, never HOLDS ({@link Invariants#evaluate}).
 *
 * <p>Stability: experimental.
 */
public final class Audit {
    private Audit() {}

    public static AuditResult judge(Watched watched, List<Invariant> invariants) {
        // One Observed per pod, so that every invariant shares the pod's trace index.
        List<Observed> observed = watched.pods().stream().map(pod -> new Observed(pod.scenario(), pod.trace(),
                pod.observations(), watched.tolerance(), pod.watched(), watched.release())).toList();
        List<InvariantAudit> results = new ArrayList<>();
        for (Invariant invariant : invariants) {
            results.add(judge(watched.pods(), observed, invariant));
        }
        return new AuditResult(watched, results);
    }

    private static InvariantAudit judge(List<AuditedPod> pods, List<Observed> observed, Invariant invariant) {
        int holds = 0;
        int unknown = 0;
        String firstUnknown = null;
        List<Offence> violations = new ArrayList<>();
        for (int i = 0; i < pods.size(); i++) {
            Verdict verdict = Invariants.evaluate(invariant, observed.get(i));
            if (verdict instanceof Verdict.Violated v) {
                violations.add(new Offence(pods.get(i), v));
            } else if (verdict instanceof Verdict.Unknown u) {
                unknown++;
                firstUnknown = firstUnknown == null ? u.reason() : firstUnknown;
            } else {
                holds++;
            }
        }
        return new InvariantAudit(invariant, holds, violations, unknown, firstUnknown);
    }
}
