package dev.podcheck.spec.behaviour;

/** Exit codes a process can report: 0..255 (137 = SIGKILL, 143 = SIGTERM, SEMANTICS ST-4). */
final class ExitCodes {
    static final int SIGTERM = 143;

    private ExitCodes() {}

    static void require(String field, int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException(field + " must be between 0 and 255, got " + code);
        }
    }
}
