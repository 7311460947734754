package dev.podcheck.conformance.audit;

import java.time.Duration;
import java.util.List;

/**
 * What an audit saw: every pod instance it watched, and how far its times may lag the rules.
 *
 * <p>Stability: experimental.
 *
 * @param cluster  the cluster in words (its context and server), for the reports
 * @param skipped  pods seen but not audited: created before the audit under {@code --since-now}
 */
public record Watched(String cluster, Duration tolerance, List<AuditedPod> pods, Duration elapsed, int skipped) {
    public Watched {
        pods = List.copyOf(pods);
    }
}
