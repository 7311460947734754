package dev.podcheck.engine;

import java.time.Duration;

/**
 * How to simulate: for how long (the horizon, in virtual time), with which timing and which
 * Kubernetes version's rules.
 */
public record EngineOptions(Duration horizon, Timing timing, Profile profile) {
    public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(10);
    public static final EngineOptions DEFAULT = new EngineOptions(DEFAULT_HORIZON, Timing.DEFAULT, Profile.DEFAULT);

    public EngineOptions {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive");
        }
    }

    public EngineOptions withHorizon(Duration value) {
        return new EngineOptions(value, timing, profile);
    }
}
