package dev.podcheck.spec.pod;

/** Pod-level restartPolicy (SEMANTICS V-3); also the values a container restartPolicy may take. */
public enum RestartPolicy {
    Always, OnFailure, Never;

    /** True if {@code value} names one of the supported policies. */
    public static boolean isSupported(String value) {
        for (RestartPolicy p : values()) {
            if (p.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
