package dev.podcheck.conformance.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Invariants;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.yaml.ScenarioWriter;
import dev.podcheck.spec.yaml.TraceCodec;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The reference engine satisfies every invariant of the catalogue on generated scenarios. */
class CatalogueOnEngineTest {

    @TestFactory
    Stream<DynamicTest> every_invariant_holds_on_the_engine() {
        return Catalogue.all().stream().map(inv -> DynamicTest.dynamicTest(inv.id(), () -> holdsOnEngine(inv)));
    }

    private static void holdsOnEngine(Invariant invariant) {
        Property.forAll(ScenarioGen.scenarios().map(Defaulting::apply)).trials(500).seed(4L)
                .renderedWith(ScenarioWriter::toYaml)
                .check(s -> {
                    Observed trial = Trials.onEngine(s);
                    Verdict verdict = Invariants.evaluate(invariant, trial);
                    assertThat(verdict).as("%s on\n%s", invariant.id(), TraceCodec.toJson(trial.trace()))
                            .isEqualTo(Verdict.HOLDS);
                });
    }

    @Test
    void ids_are_unique_and_well_formed_and_each_rule_is_one_MUST_sentence() {
        Set<String> ids = new HashSet<>();
        for (Invariant inv : Catalogue.all()) {
            assertThat(ids.add(inv.id())).as("unique id %s", inv.id()).isTrue();
            assertThat(inv.id()).matches("[a-z]+/[a-z0-9-]+");
            assertThat(inv.must()).contains(" MUST ").endsWith(".");
            assertThat(inv.source()).isNotBlank();
            assertThat(inv.needs()).isNotEmpty();
        }
    }
}
