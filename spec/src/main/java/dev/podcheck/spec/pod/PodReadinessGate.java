package dev.podcheck.spec.pod;

/** A readiness gate: the pod is Ready only when this condition type is True (SEMANTICS ST-14). */
public record PodReadinessGate(String conditionType) {}
