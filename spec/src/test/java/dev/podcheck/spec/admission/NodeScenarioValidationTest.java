package dev.podcheck.spec.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import org.junit.jupiter.api.Test;

/** A node scenario's own checks (SEMANTICS NP-1). */
class NodeScenarioValidationTest {
    private static Scenario node(String firstEvents, String secondName, String secondImage) {
        return Defaulting.apply(ScenarioReader.readOne("test", """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: first
                  annotations:
                    podcheck.dev/scenario: |
                      neighbours: [%s]
                      events: [%s]
                spec:
                  containers: [{name: app, image: busybox}]
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: %s}
                spec:
                  containers: [{name: app, image: "%s"}]
                """.formatted(secondName, firstEvents, secondName, secondImage)));
    }

    @Test
    void should_accept_two_valid_pods_of_different_names() {
        assertThat(Validation.validate(node("{nodeMemoryPressure: {at: 0s, allocatable: 1Gi}}", "second", "busybox")))
                .isEmpty();
    }

    @Test
    void should_name_the_neighbour_in_its_violations() {
        assertThat(Validation.validate(node("", "second", "")))
                .extracting(Violation::message).containsExactly("neighbours[second].spec.containers[0].image: Required value");
    }

    @Test
    void should_refuse_two_pods_of_one_name() {
        assertThat(Validation.validate(node("", "first", "busybox")))
                .extracting(Violation::message).containsExactly("neighbours[first].metadata.name: Duplicate value: \"first\"");
    }

    @Test
    void should_refuse_a_kubelet_restart_it_does_not_model() {
        assertThat(Validation.validate(node("{restartKubelet: {at: 5s}}", "second", "busybox")))
                .extracting(Violation::message).containsExactly("metadata.annotations[podcheck.dev/scenario].events[0]"
                        + ".restartKubelet: Forbidden: " + NodeScenarioValidation.NOT_MODELLED);
    }
}
