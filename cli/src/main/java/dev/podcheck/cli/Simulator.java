package dev.podcheck.cli;

import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;

/**
 * How {@code podcheck predict} turns a defaulted, valid scenario into the reference trace. The seam
 * through which tests put a fixed trace in the engine's place ({@link Podcheck#execute(picocli.CommandLine.IFactory,
 * java.io.PrintWriter, java.io.PrintWriter, String...)}).
 */
@FunctionalInterface
interface Simulator {
    Trace simulate(Scenario defaulted, Duration horizon, Profile profile);

    /** The reference engine with its default timing, for the Kubernetes release asked for. */
    Simulator ENGINE = (scenario, horizon, profile) -> Engine.simulate(scenario,
            new EngineOptions(horizon, EngineOptions.DEFAULT.timing(), profile));
}
