package dev.podcheck.cli;

/** The exit codes of every podcheck verb; CI gates branch on them. */
public final class ExitCodes {
    /** Everything holds / is valid. */
    public static final int OK = 0;
    /** A violation was found, or a pod is invalid. */
    public static final int VIOLATED = 1;
    /** Bad usage or unreadable input. */
    public static final int USAGE = 2;
    /** Nothing violated, but something could not be decided (target errors, time-outs). */
    public static final int INCONCLUSIVE = 3;
    /** A bug in podcheck itself. */
    public static final int INTERNAL = 4;
    /** The target cannot be used: an unreachable cluster, a refused namespace, missing rights, no podman. */
    public static final int TARGET_UNAVAILABLE = 5;

    private ExitCodes() {}
}
