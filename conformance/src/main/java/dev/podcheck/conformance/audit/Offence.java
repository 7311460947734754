package dev.podcheck.conformance.audit;

import dev.podcheck.conformance.api.Verdict;

/**
 * A pod that broke an invariant, with the verdict's message and witness.
 *
 * <p>Stability: experimental.
 */
public record Offence(AuditedPod pod, Verdict.Violated verdict) {}
