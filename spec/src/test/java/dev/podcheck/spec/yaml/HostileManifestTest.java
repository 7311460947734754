package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.admission.PodCreate;
import dev.podcheck.spec.admission.Violation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hostile manifests are read to one clear error naming the place, or to what Go's decoding makes of them. */
class HostileManifestTest {
    private static String pod(String spec) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n" + spec.indent(2);
    }

    private static String podWith(String annotation) {
        return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    podcheck.dev/scenario: |\n"
                + annotation.indent(6) + "spec:\n  containers:\n  - {name: app, image: busybox}\n";
    }

    @Nested
    class Nulls {
        @Test
        void should_read_a_null_container_as_a_container_without_fields_as_go_does() {
            PodCreate create = PodCreate.of(ScenarioReader.readOne("p.yaml", pod("containers:\n- null\n")));

            assertThat(create.violations()).extracting(Violation::message).containsExactly(
                    "spec.containers[0].name: Required value", "spec.containers[0].image: Required value");
        }

        @Test
        void should_read_a_null_quantity_and_readiness_gate_as_zero_values() {
            PodCreate create = PodCreate.of(ScenarioReader.readOne("p.yaml", pod(
                    "readinessGates: [null]\ncontainers:\n- {name: app, image: busybox, resources: {limits: {memory: null}}}\n")));

            // A gate with an empty conditionType, as the apiserver validates it; the limit of 0 is accepted.
            assertThat(create.violations()).extracting(Violation::message).hasSize(2)
                    .first().isEqualTo("spec.readinessGates[0].conditionType: Invalid value: \"\": name part must be non-empty");
        }

        @Test
        void should_refuse_a_null_where_the_scenario_needs_a_behaviour_an_entry_or_a_window() {
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", podWith("containers:\n  app: [null]")))
                    .hasMessageEndingWith("containers.app: expected an instance entry, got null at index 0");
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", podWith("containers:\n  app: [{readiness: [null]}]")))
                    .hasMessageContaining("expected a window like {from: 10s, until: 30s}, got null at index 0");
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", podWith("containers:\n  app: null")))
                    .hasMessageContaining("expected a behaviour for \"app\", got null");
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", podWith("events: [null]")))
                    .hasMessageContaining("expected a world event, got null at index 0");
        }
    }

    @Nested
    class Ranges {
        @Test
        void should_refuse_an_integer_past_its_fields_range_in_encoding_json_words() {
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", pod(
                    "containers:\n- name: app\n  image: busybox\n  livenessProbe: {exec: {command: [\"true\"]}, periodSeconds: 99999999999}\n")))
                    .hasMessage("p.yaml:9:63: spec.containers[0].livenessProbe.periodSeconds: cannot unmarshal number 99999999999"
                            + " into a field of type int32");
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", pod(
                    "terminationGracePeriodSeconds: 99999999999999999999\ncontainers:\n- {name: app, image: busybox}\n")))
                    .hasMessage("p.yaml:6:34: spec.terminationGracePeriodSeconds: cannot unmarshal number 99999999999999999999"
                            + " into a field of type int64");
        }

        @Test
        void should_refuse_an_eviction_threshold_of_zero_as_the_kubelet_does() {
            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml",
                    podWith("events:\n- nodeMemoryPressure: {at: 1s, allocatable: 1Gi, evictionThreshold: 0}")))
                    .hasMessageEndingWith("events[0]: eviction threshold memory.available must be positive: 0");
        }
    }

    @Nested
    class Shapes {
        @Test
        void should_refuse_nesting_past_100_levels_before_building_a_tree() {
            String deep = "[".repeat(5000) + "]".repeat(5000);

            assertThatThrownBy(() -> ScenarioReader.readOne("p.yaml", pod("containers: " + deep)))
                    .hasMessage("p.yaml:6:113: not valid YAML for podcheck: nested more than 100 levels deep");
        }

        @Test
        void should_read_a_one_megabyte_value_with_memory_linear_in_its_length() {
            String value = "x".repeat(1 << 20);
            String manifest = pod("containers:\n- name: app\n  image: busybox\n  env: [{name: X, value: " + value + "}]");
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();

            ScenarioReader.readOne("p.yaml", manifest);

            // SnakeYAML copies its window of unread text at each refill of its buffer: with its default of 1024
            // characters this line cost 6.5 GB of copies, with Mappers.READ_BUFFER 160 MB.
            assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(1L << 30);
        }

        @Test
        void should_refuse_aliases_that_write_out_more_than_100000_values() {
            StringBuilder bomb = new StringBuilder("x0: &a0 [v, v, v, v, v, v, v, v, v, v]\n");
            for (int i = 1; i < 7; i++) {
                bomb.append("x").append(i).append(": &a").append(i).append(" [")
                        .append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
            }

            assertThatThrownBy(() -> ScenarioReader.read("p.yaml", bomb + "apiVersion: v1\nkind: Pod\n"))
                    .hasMessageContaining("not valid YAML for podcheck: more than 100000 values in one document");
        }

        @Test
        void should_escape_control_characters_of_the_input_in_the_message() {
            assertThatThrownBy(() -> ScenarioReader.readOne("p\u001b[2J.yaml", pod("containers: {\"\\e[31m\": 1}\n")))
                    .hasMessageStartingWith("p\\x1b[2J.yaml:6:");
        }
    }
}
