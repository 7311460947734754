package dev.podcheck.conformance.invariant.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.ScenarioWriter;
import dev.podcheck.spec.yaml.TraceCodec;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The reference engine over generated scenarios: it ends, its traces are well formed, it is deterministic. */
class EnginePropertiesTest {
    private static final EngineOptions OPTIONS = EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(10));
    private static final Property<Scenario> SCENARIOS = Property.forAll(ScenarioGen.scenarios().map(Defaulting::apply))
            .trials(1_000).seed(20261125L).renderedWith(ScenarioWriter::toYaml);

    @Test
    void should_end_within_the_horizon_with_a_well_formed_trace() {
        SCENARIOS.check(s -> {
            Trace trace = Engine.simulate(s, OPTIONS);
            assertThat(WellFormedTrace.problems(s.pod().spec(), trace, OPTIONS.horizon().toMillis()))
                    .as(TraceCodec.toJson(trace)).isEmpty();
        });
    }

    @Test
    void should_give_the_same_trace_byte_for_byte_for_the_same_scenario() {
        SCENARIOS.check(s -> assertThat(TraceCodec.toJson(Engine.simulate(s, OPTIONS)))
                .isEqualTo(TraceCodec.toJson(Engine.simulate(s, OPTIONS))));
    }
}
