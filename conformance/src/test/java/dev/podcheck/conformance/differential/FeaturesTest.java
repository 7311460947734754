package dev.podcheck.conformance.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import org.junit.jupiter.api.Test;

class FeaturesTest {
    static Scenario usingMemory(String used, String limit) {
        return Defaulting.apply(ScenarioReader.read("features.yaml", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {memory: [{from: 1s, bytes: %s}]}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    resources: {limits: {memory: %s}}
                """.formatted(used, limit)).get(0));
    }

    @Test
    void should_name_memory_used_above_a_containers_limit() {
        assertThat(Features.of(usingMemory("49Mi", "48Mi"))).contains("memory-above-limit");
        assertThat(Features.of(usingMemory("48Mi", "48Mi"))).doesNotContain("memory-above-limit");
    }
}
