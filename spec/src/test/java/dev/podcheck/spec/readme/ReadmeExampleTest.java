package dev.podcheck.spec.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.generate.ScenarioGen;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.yaml.ScenarioWriter;
import org.junit.jupiter.api.Test;

/** The library example of the README, kept compiling and passing. */
class ReadmeExampleTest {
    @Test
    void generated_pods_with_sidecars_are_valid() {
        Property.forAll(ScenarioGen.scenarios(Size.DEFAULT.withContainers(2, 1, 2)))
                .trials(500)
                .renderedWith(ScenarioWriter::toYaml)
                .check(s -> assertThat(Validation.validate(Defaulting.apply(s))).isEmpty());
    }
}
