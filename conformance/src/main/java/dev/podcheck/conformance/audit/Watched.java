package dev.podcheck.conformance.audit;

import dev.podcheck.engine.Profile;
import java.time.Duration;
import java.util.List;

/**
 * What an audit saw: every pod instance it watched, and how far its times may lag the rules.
 *
 * <p>Stability: experimental.
 *
 * @param cluster  the cluster in words (its context and server), for the reports
 * @param release  the release whose rules the pods are held to: the cluster's own when the engine models it
 * @param skipped  pods seen but not audited: created before the audit under {@code --since-now}
 */
public record Watched(String cluster, Profile release, Duration tolerance, List<AuditedPod> pods, Duration elapsed,
                      int skipped) {
    public Watched {
        pods = List.copyOf(pods);
    }
}
