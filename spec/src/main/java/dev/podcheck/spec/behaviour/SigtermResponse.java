package dev.podcheck.spec.behaviour;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;

/** What a process does when it receives SIGTERM (or the image's stop signal). */
public sealed interface SigtermResponse {

    /** Dies from the signal at once: exit code 143, as most processes without a handler do. */
    SigtermResponse DEFAULT = new ExitOnSigterm(Duration.ZERO, ExitCodes.SIGTERM);

    /** Handles the signal and exits {@code after} it with {@code code}. */
    record ExitOnSigterm(@JsonProperty("exitAfter") Duration after, int code) implements SigtermResponse {
        public ExitOnSigterm {
            after = after == null ? Duration.ZERO : after;
            Durations.requireNonNegative("exitAfter", after);
            ExitCodes.require("code", code);
        }
    }

    /** Ignores the signal; only SIGKILL stops it. */
    record IgnoreSigterm() implements SigtermResponse {}

    static SigtermResponse ignore() {
        return new IgnoreSigterm();
    }

    static SigtermResponse exitAfter(Duration after, int code) {
        return new ExitOnSigterm(after, code);
    }
}
