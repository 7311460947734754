package dev.podcheck.spec.trace;

/** status.phase. The kubelet never writes Unknown (SEMANTICS ST-7); it is here for real targets. */
public enum PodPhase {
    Pending, Running, Succeeded, Failed, Unknown;

    public boolean isTerminal() {
        return this == Succeeded || this == Failed;
    }
}
