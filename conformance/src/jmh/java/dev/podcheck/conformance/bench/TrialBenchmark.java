package dev.podcheck.conformance.bench;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Invariants;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stages of one trial of {@code podcheck run} on the engine, each on its own, and the whole trial:
 * microseconds per trial on one thread. Inputs of a stage are made in setup from the runner's default mix
 * (seeds 0..N-1), so each benchmark measures its stage only. Run as README.md "Benchmarks" says.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(1)
public class TrialBenchmark {
    static final int SCENARIOS = 1_000;
    static final EngineOptions OPTIONS = EngineOptions.DEFAULT;
    static final Gen<Scenario> GENERATOR = ScenarioGen.scenarios();

    /** The default mix at each stage: drawn, defaulted, simulated, and as the invariants see it. */
    @State(Scope.Thread)
    public static class Mix {
        Scenario[] drawn;
        Scenario[] defaulted;
        Trace[] traces;
        int next;

        @Setup
        public void prepare() {
            drawn = new Scenario[SCENARIOS];
            defaulted = new Scenario[SCENARIOS];
            traces = new Trace[SCENARIOS];
            for (int seed = 0; seed < SCENARIOS; seed++) {
                drawn[seed] = GENERATOR.generate(Choices.random(seed));
                defaulted[seed] = Defaulting.apply(drawn[seed]);
                traces[seed] = Engine.simulate(defaulted[seed], OPTIONS);
            }
        }

        int next() {
            int at = next;
            next = next + 1 == SCENARIOS ? 0 : next + 1;
            return at;
        }

        /** A fresh Observed each time, as the runner makes one per trial: its trace index starts empty. */
        Observed observed(int at) {
            return new Observed(defaulted[at], traces[at], EnumSet.allOf(Observation.class), Duration.ZERO,
                    OPTIONS.horizon());
        }
    }

    /** The invariants a run checks: the whole catalogue, or only group trace (--invariant trace). */
    @State(Scope.Benchmark)
    public static class Selection {
        final List<Invariant> catalogue = Catalogue.all();
        final List<Invariant> traceGroup = catalogue.stream().filter(i -> i.group().equals("trace")).toList();
    }

    @Benchmark
    public Scenario generate(Mix mix) {
        return GENERATOR.generate(Choices.random(mix.next()));
    }

    @Benchmark
    public Scenario admit(Mix mix) {
        return Defaulting.apply(mix.drawn[mix.next()]);
    }

    @Benchmark
    public Trace simulate(Mix mix) {
        return Engine.simulate(mix.defaulted[mix.next()], OPTIONS);
    }

    @Benchmark
    public void evaluateCatalogue(Mix mix, Selection invariants, Blackhole verdicts) {
        evaluate(mix.observed(mix.next()), invariants.catalogue, verdicts);
    }

    @Benchmark
    public void evaluateTraceGroup(Mix mix, Selection invariants, Blackhole verdicts) {
        evaluate(mix.observed(mix.next()), invariants.traceGroup, verdicts);
    }

    /** Draw, default, simulate and judge against the whole catalogue, as the runner does on the engine. */
    @Benchmark
    public void trial(Mix mix, Selection invariants, Blackhole verdicts) {
        Scenario defaulted = Defaulting.apply(GENERATOR.generate(Choices.random(mix.next())));
        Trace trace = Engine.simulate(defaulted, OPTIONS);
        evaluate(new Observed(defaulted, trace, EnumSet.allOf(Observation.class), Duration.ZERO, OPTIONS.horizon()),
                invariants.catalogue, verdicts);
    }

    private static void evaluate(Observed trial, List<Invariant> invariants, Blackhole verdicts) {
        for (Invariant invariant : invariants) {
            Verdict verdict = Invariants.evaluate(invariant, trial);
            verdicts.consume(verdict);
        }
    }
}
