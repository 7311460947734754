package dev.podcheck.spec.pod;

/** The three probe kinds, named as in the container spec ({@code startupProbe} ...). */
public enum ProbeKind {
    startup, liveness, readiness;

    public String fieldName() {
        return name() + "Probe";
    }
}
