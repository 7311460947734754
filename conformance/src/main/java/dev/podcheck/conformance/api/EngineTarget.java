package dev.podcheck.conformance.api;

import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The embedded reference engine as a target: it observes everything, with no timing slack. */
public final class EngineTarget implements Target {
    private final EngineOptions options;

    public EngineTarget(EngineOptions options) {
        this.options = options;
    }

    public EngineTarget() {
        this(EngineOptions.DEFAULT);
    }

    @Override
    public String name() {
        // A faulty engine (podcheck's self-check) says so in every report it gives rise to.
        return options.faults().isEmpty() ? "engine"
                : "engine with fault " + options.faults().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    /** Virtual time costs no wall time: a trial takes milliseconds, so a minute is a run that will not end. */
    @Override
    public Duration trialDeadline(Duration horizon) {
        return Duration.ofMinutes(1);
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public Set<Observation> observations() {
        return EnumSet.allOf(Observation.class);
    }

    @Override
    public Profile profile() {
        return options.profile();
    }

    @Override
    public Duration tolerance() {
        return Duration.ZERO;
    }

    @Override
    public Trace run(Scenario defaulted, Duration horizon) {
        return Engine.simulate(defaulted, options.withHorizon(horizon));
    }
}
