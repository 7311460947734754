package dev.podcheck.conformance.cli;

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

    /**
     * The reference engine. It is being written on another branch (issue 3); until it is merged this
     * says so rather than predicting. When it lands this becomes
     * {@code (scenario, horizon) -> Engine.simulate(scenario, EngineOptions.DEFAULT.withHorizon(horizon))}.
     */
    Simulator ENGINE = (scenario, horizon) -> {
        throw new Unavailable();
    };

    /** No engine in this build. */
    final class Unavailable extends RuntimeException {
        Unavailable() {
            super("predict needs the reference engine, which this build does not have yet (issue 3)", null, false, false);
        }
    }
}
