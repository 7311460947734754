package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.property.Counterexample;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioWriter;
import org.junit.jupiter.api.Test;

/** Pins the exact minimal scenario a known failing property shrinks to. */
class ScenarioShrinkTest {

    @Test
    void should_shrink_a_sidecar_with_a_startup_probe_to_the_minimal_pod() {
        // GIVEN a property that fails for any sidecar with a startup probe
        // WHEN it runs and shrinks
        Counterexample<Scenario> found = Property.forAll(ScenarioGen.scenarios()).seed(42).trials(500)
                .findCounterexample(s -> assertThat(s.pod().spec().sidecars())
                        .noneMatch(c -> c.startupProbe() != null))
                .orElseThrow();
        // THEN the counterexample is the smallest such pod
        assertThat(ScenarioWriter.toYaml(found.value())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                spec:
                  initContainers:
                  - name: side
                    image: busybox:1.36
                    startupProbe:
                      exec:
                        command:
                        - "true"
                    restartPolicy: Always
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
    }
}
