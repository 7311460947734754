package dev.podcheck.engine;

import java.time.Duration;
import java.util.Set;

/**
 * How to simulate: for how long (the horizon, in virtual time), with which timing and which
 * Kubernetes version's rules.
 *
 * @param faults deliberate deviations from Kubernetes for podcheck's self-check; empty in normal use
 */
public record EngineOptions(Duration horizon, Timing timing, Profile profile, Set<Fault> faults) {
    public static final Duration DEFAULT_HORIZON = Duration.ofMinutes(10);
    public static final EngineOptions DEFAULT = new EngineOptions(DEFAULT_HORIZON, Timing.DEFAULT, Profile.DEFAULT);

    public EngineOptions {
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive");
        }
        faults = Set.copyOf(faults);
    }

    /** Faithful options: no fault. */
    public EngineOptions(Duration horizon, Timing timing, Profile profile) {
        this(horizon, timing, profile, Set.of());
    }

    public EngineOptions withHorizon(Duration value) {
        return new EngineOptions(value, timing, profile, faults);
    }

    /** The same options for another Kubernetes release. */
    public EngineOptions withProfile(Profile value) {
        return new EngineOptions(horizon, timing, value, faults);
    }

    /** The same options with these faults injected (self-check only; see {@link Fault}). */
    public EngineOptions withFaults(Set<Fault> value) {
        return new EngineOptions(horizon, timing, profile, value);
    }

    /** Whether {@code fault} is injected: the one test each fault's check makes. */
    public boolean has(Fault fault) {
        return faults.contains(fault);
    }
}
