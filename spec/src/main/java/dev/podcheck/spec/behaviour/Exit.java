package dev.podcheck.spec.behaviour;

import java.time.Duration;

/** The process exits by itself {@code after} its start with this exit code. */
public record Exit(Duration after, int code) {
    public Exit {
        after = after == null ? Duration.ZERO : after;
        Durations.requireNonNegative("after", after);
        ExitCodes.require("code", code);
    }

    public static Exit after(Duration after, int code) {
        return new Exit(after, code);
    }
}
