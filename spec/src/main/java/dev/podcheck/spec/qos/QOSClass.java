package dev.podcheck.spec.qos;

/** A pod's quality-of-service class, spelled as in {@code status.qosClass} (core/v1 PodQOSClass). */
public enum QOSClass {
    Guaranteed, Burstable, BestEffort
}
