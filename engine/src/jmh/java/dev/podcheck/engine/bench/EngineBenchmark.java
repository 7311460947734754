package dev.podcheck.engine.bench;

import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lifecycles per second of the reference engine; one operation is one simulated pod lifecycle.
 * Scenarios are generated and defaulted in setup, so only {@link Engine#simulate} is measured.
 * Run as README.md "Benchmarks" says; this is not part of {@code verify}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class EngineBenchmark {

    /** The generated mix the runner draws: {@link ScenarioGen#scenarios()} from seeds 0..N-1. */
    @State(Scope.Thread)
    public static class DefaultMix {
        static final int SCENARIOS = 1_000;
        Scenario[] scenarios;
        int next;

        @Setup
        public void generate() {
            scenarios = new Scenario[SCENARIOS];
            for (int seed = 0; seed < SCENARIOS; seed++) {
                scenarios[seed] = Defaulting.apply(ScenarioGen.scenarios().generate(Choices.random(seed)));
            }
        }

        Scenario next() {
            Scenario s = scenarios[next];
            next = next + 1 == SCENARIOS ? 0 : next + 1;
            return s;
        }
    }

    /** Three containers with startup, liveness and readiness probes every second, for an hour. */
    @State(Scope.Thread)
    public static class WorstCase {
        static final EngineOptions ONE_HOUR = EngineOptions.DEFAULT.withHorizon(Duration.ofHours(1));
        Scenario scenario;

        @Setup
        public void read() {
            scenario = Defaulting.apply(ScenarioReader.readOne("worst-case", WorstCaseScenario.YAML));
            if (!Validation.validate(scenario).isEmpty()) {
                throw new IllegalStateException("invalid worst case: " + Validation.validate(scenario));
            }
        }
    }

    @Benchmark
    public Trace defaultMix(DefaultMix mix) {
        return Engine.simulate(mix.next(), EngineOptions.DEFAULT);
    }

    @Benchmark
    public Trace worstCase(WorstCase worst) {
        return Engine.simulate(worst.scenario, WorstCase.ONE_HOUR);
    }
}
