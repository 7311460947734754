package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AnnotationSizeTest {
    @Test
    void should_refuse_a_scenario_annotation_over_the_apiservers_annotation_limit_before_reading_it() {
        String script = "# " + "x".repeat(256 * 1024);
        String manifest = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  annotations:
                    podcheck.dev/scenario: |
                      %s
                spec:
                  containers:
                  - {name: app, image: busybox}
                """.formatted(script);

        assertThatThrownBy(() -> ScenarioReader.readOne("big.yaml", manifest)).isInstanceOf(InputException.class)
                .hasMessageContaining("metadata.annotations: Too long: may not be more than 262144 bytes");
    }
}
