package dev.podcheck.adapters.observe;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Reconstruction over generated scenarios: what an API observer would get from the engine, built
 * back into a trace, is the engine's trace as far as such an observer can know it.
 */
class RoundTripPropertyTest {
    /** A creation time off the whole second, so the API's cut to seconds loses something the reports must give back. */
    static final long CREATED = 1_795_000_000_250L;
    static final EngineOptions OPTIONS = EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(10));
    /**
     * What the real targets run: no finalizers, gate patches, termination messages, images or neighbours
     * (UnsupportedFeatures).
     */
    static final Size CLUSTER = Size.DEFAULT.withApiPatches(false).withTerminationMessages(false).withImagePulls(false)
            .withNodeDisruptions(false);
    static final Property<Scenario> SCENARIOS = Property.forAll(ScenarioGen.scenarios(CLUSTER)
                    .map(s -> Defaulting.apply(s.withNeighbours(List.of()))))
            .trials(300).seed(20261126L).renderedWith(ScenarioWriter::toYaml);

    @Test
    void should_rebuild_from_the_kubelet_projection_what_the_api_view_keeps_of_the_engine_trace() {
        SCENARIOS.check(s -> {
            Trace engine = Engine.simulate(s, OPTIONS);
            Trace expected = ApiView.of(engine, CREATED);
            Trace rebuilt = TraceBuilder.build(CREATED, KubeletProjection.of(engine, s, CREATED));
            assertThat(rebuilt).withFailMessage(() -> TraceDiff.describe(expected, rebuilt)).isEqualTo(expected);
        });
    }

    /** The tolerance a real target must declare anyway: the API keeps its times to the second. */
    static final Duration API_RESOLUTION = Duration.ofSeconds(1);
    /** A target whose rendering reports every probe run and hook, as the projection does. */
    static final Set<Observation> FULLY_REPORTED = Observations.of(EnumSet.allOf(Observations.Source.class));

    @Test
    void should_give_the_rebuilt_trace_the_verdicts_of_the_engine_trace_for_what_a_cluster_can_observe() {
        List<Invariant> observable = Catalogue.all().stream()
                .filter(i -> FULLY_REPORTED.containsAll(i.needs())).toList();
        SCENARIOS.check(s -> {
            Trace engine = Engine.simulate(s, OPTIONS);
            Trace rebuilt = TraceBuilder.build(CREATED, KubeletProjection.of(engine, s, CREATED));
            for (Invariant invariant : observable) {
                Verdict original = verdict(invariant, s, engine);
                Verdict again = verdict(invariant, s, rebuilt);
                assertThat(again.getClass()).as(() -> invariant.id() + ": " + original + " became " + again
                        + "\n" + TraceDiff.describe(engine, rebuilt)).isEqualTo(original.getClass());
            }
        });
    }

    private static Verdict verdict(Invariant invariant, Scenario s, Trace trace) {
        return Invariants.evaluate(invariant, new Observed(s, trace, FULLY_REPORTED, API_RESOLUTION, OPTIONS.horizon()));
    }
}
