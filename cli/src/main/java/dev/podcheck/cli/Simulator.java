package dev.podcheck.cli;

import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
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
    Trace simulate(Scenario defaulted, Duration horizon);

    /** The reference engine with its default timing and profile. */
    Simulator ENGINE = (scenario, horizon) -> Engine.simulate(scenario, EngineOptions.DEFAULT.withHorizon(horizon));
}
