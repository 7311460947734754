package dev.podcheck.spec.pod;

/** postStart and preStop hooks. */
public record Lifecycle(LifecycleHandler postStart, LifecycleHandler preStop) {}
