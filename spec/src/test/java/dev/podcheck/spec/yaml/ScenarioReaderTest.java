package dev.podcheck.spec.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.SigtermResponse;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.Scenario;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioReaderTest {
    static final Path MANIFESTS = Path.of("src/test/resources/manifests");

    @Nested
    class RealManifests {
        @Test
        void should_read_the_nginx_pod_with_its_filebeat_sidecar_and_its_scenario() {
            Scenario scenario = ScenarioReader.read(MANIFESTS.resolve("nginx-filebeat-sidecar.yaml")).get(0);

            Container filebeat = scenario.pod().spec().initContainers().get(0);
            assertThat(filebeat.isSidecar()).isTrue();
            assertThat(filebeat.resources().limit("memory")).contains(Quantity.parse("128Mi"));
            assertThat(scenario.pod().spec().containers().get(0).readinessProbe().httpGet().port().intValue())
                    .isEqualTo(80);
            assertThat(scenario.behaviour("nginx").forInstance(0).readiness()).isEqualTo(Health.from(Duration.ofSeconds(5)));
            assertThat(scenario.behaviour("nginx").forInstance(0).onSigterm())
                    .isEqualTo(SigtermResponse.exitAfter(Duration.ofSeconds(2), 0));
            assertThat(scenario.events()).containsExactly(new DeletePod(Duration.ofSeconds(60), 20L, false));
            // The scenario annotation is taken out of the pod; other fields are kept for the round trip.
            assertThat(scenario.pod().metadata().annotations()).isEmpty();
            assertThat(scenario.pod().spec().extra()).containsKey("volumes");
        }

        @Test
        void should_keep_a_named_probe_port_and_http_headers() {
            Container app = ScenarioReader.read(MANIFESTS.resolve("all-probes.yaml")).get(0).pod().spec().containers().get(0);

            assertThat(app.startupProbe().httpGet().port().strValue()).isEqualTo("http");
            assertThat(app.livenessProbe().httpGet().extra()).containsKey("httpHeaders");
            assertThat(app.livenessProbe().terminationGracePeriodSeconds()).isEqualTo(10L);
        }

        @Test
        void should_read_an_exponent_quantity_exactly() {
            Container work = ScenarioReader.read(MANIFESTS.resolve("restartable-init.yaml")).get(0).pod().spec().containers().get(0);

            assertThat(work.resources().request("memory")).contains(Quantity.of(100_000_000));
        }
    }

    @Nested
    class Documents {
        @Test
        void should_read_every_document_of_a_stream() {
            String two = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\n";

            assertThat(ScenarioReader.read("two.yaml", two)).extracting(s -> s.pod().metadata().name())
                    .containsExactly("a", "b");
        }

        @Test
        void should_read_json_as_well() {
            String json = "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"spec\": {\"containers\": [{\"name\": \"app\", \"image\": \"busybox\"}]}}";

            assertThat(ScenarioReader.readOne("pod.json", json).pod().spec().containers()).hasSize(1);
        }

        @Test
        void should_name_the_document_line_of_a_wrong_kind() {
            String text = "apiVersion: v1\nkind: Pod\n---\napiVersion: apps/v1\nkind: Deployment\n";

            assertThatThrownBy(() -> ScenarioReader.read("mixed.yaml", text))
                    .hasMessage("mixed.yaml:4: expected kind Pod with apiVersion v1, got kind Deployment with apiVersion apps/v1");
        }
    }

    @Nested
    class BadInput {
        static Stream<Arguments> cases() {
            return Stream.of(
                    Arguments.of("empty", "", "bad.yaml: no Pod manifest found: the input is empty"),
                    Arguments.of("only a separator", "---\n", "bad.yaml: no Pod manifest found: the input is empty"),
                    Arguments.of("not YAML", "a: [", "bad.yaml:1:5: not valid YAML: expected the node content, but found '<stream end>'"),
                    Arguments.of("a scalar", "hello", "bad.yaml:1:1: expected a Pod manifest (a mapping), got \"hello\""),
                    Arguments.of("no kind", "apiVersion: v1\n", "bad.yaml:1: expected kind Pod with apiVersion v1, got kind (none) with apiVersion v1"),
                    Arguments.of("an integer as text",
                            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n  - name: b\n    livenessProbe:\n      periodSeconds: ten\n",
                            "bad.yaml:8:22: spec.containers[1].livenessProbe.periodSeconds: expected an integer, got \"ten\""),
                    Arguments.of("a quoted integer",
                            "apiVersion: v1\nkind: Pod\nspec:\n  terminationGracePeriodSeconds: \"30\"\n",
                            "bad.yaml:4:34: spec.terminationGracePeriodSeconds: expected an integer, got \"30\""),
                    Arguments.of("a fraction for an integer",
                            "apiVersion: v1\nkind: Pod\nspec:\n  terminationGracePeriodSeconds: 1.5\n",
                            "bad.yaml:4:34: spec.terminationGracePeriodSeconds: expected an integer, got 1.5"),
                    Arguments.of("a mapping for a list",
                            "apiVersion: v1\nkind: Pod\nspec:\n  containers: {a: 1}\n",
                            "bad.yaml:4:15: spec.containers: expected a list, got a mapping"),
                    Arguments.of("a number for a string",
                            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: 12\n",
                            "bad.yaml:5:11: spec.containers[0].name: expected a string, got 12"),
                    Arguments.of("a bad quantity",
                            "apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    resources: {limits: {cpu: 1x}}\n",
                            "bad.yaml:6:31: spec.containers[0].resources.limits.cpu: quantities must match the regular expression "
                                    + "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$', got \"1x\""),
                    Arguments.of("a duplicate field", "apiVersion: v1\nkind: Pod\nkind: Pod\n",
                            "bad.yaml:3:1: strict decoding error: duplicate field \"kind\""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void should_name_the_place_and_the_problem(String name, String text, String message) {
            assertThatThrownBy(() -> ScenarioReader.read("bad.yaml", text))
                    .isInstanceOf(InputException.class)
                    .hasMessage(message);
        }

        @Test
        void should_refuse_a_10_MB_file_before_reading_it(@TempDir Path dir) throws IOException {
            Path big = dir.resolve("big.yaml");
            Files.write(big, ("apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    x: \"" + "a".repeat(10 << 20) + "\"\n")
                    .getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> ScenarioReader.read(big))
                    .hasMessage(big + ": the file is 10.0 MiB; a manifest larger than 3 MiB (the apiserver's request limit) is refused");
        }

        @Test
        void should_say_when_a_file_is_missing_or_not_text(@TempDir Path dir) throws IOException {
            Path binary = dir.resolve("binary.yaml");
            Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2});

            assertThatThrownBy(() -> ScenarioReader.read(dir.resolve("nope.yaml"))).hasMessage(dir.resolve("nope.yaml") + ": no such file");
            assertThatThrownBy(() -> ScenarioReader.read(binary)).hasMessage(binary + ": not valid YAML: the file is not UTF-8 text");
        }
    }

    @Nested
    class ScenarioAnnotation {
        private static String withScript(String script) {
            return "apiVersion: v1\nkind: Pod\nmetadata:\n  annotations:\n    podcheck.dev/scenario: |\n"
                    + script.lines().map(l -> "      " + l + "\n").reduce("", String::concat);
        }

        @Test
        void should_name_the_annotation_and_the_field_of_a_wrong_type() {
            assertThatThrownBy(() -> ScenarioReader.read("s.yaml", withScript("containers:\n  app:\n    - exit: {code: one}")))
                    .hasMessage("s.yaml (metadata.annotations[podcheck.dev/scenario]):3:20: "
                            + "metadata.annotations[podcheck.dev/scenario].containers.app[0].exit.code: expected an integer, got \"one\"");
        }

        @Test
        void should_refuse_an_unknown_behaviour_field_listing_the_known_ones() {
            assertThatThrownBy(() -> ScenarioReader.read("s.yaml", withScript("containers:\n  app:\n    - exitt: {code: 1}")))
                    .hasMessageEndingWith("containers.app[0].exitt: unknown field \"exitt\"; known fields: disk, exit, liveness, "
                            + "log, memory, onSigterm, postStart, preStop, processes, readiness, startAfter, startup, "
                            + "terminationMessage, times, volumes");
        }

        @Test
        void should_refuse_an_exit_code_out_of_range() {
            assertThatThrownBy(() -> ScenarioReader.read("s.yaml", withScript("containers:\n  app:\n    - exit: {code: 300}")))
                    .hasMessageEndingWith("containers.app[0].exit: code must be between 0 and 255, got 300");
        }

        @Test
        void should_refuse_an_unknown_world_event() {
            assertThatThrownBy(() -> ScenarioReader.read("s.yaml", withScript("events:\n  - explode: {at: 3s}")))
                    .hasMessageEndingWith("metadata.annotations[podcheck.dev/scenario].events[0]: unknown kind \"explode\"");
        }

        @Test
        void should_accept_a_single_entry_without_a_list_and_health_words() {
            Scenario s = ScenarioReader.readOne("s.yaml", withScript(
                    "containers:\n  app:\n    - liveness: never\n      startup: [{from: 3s, until: 1m}]\n      onSigterm: ignore"));

            assertThat(s.behaviour("app").forInstance(0).liveness()).isEqualTo(Health.NEVER);
            assertThat(s.behaviour("app").forInstance(0).startup().passing())
                    .containsExactly(new Health.Window(Duration.ofSeconds(3), Duration.ofMinutes(1)));
            assertThat(s.behaviour("app").forInstance(0).onSigterm()).isEqualTo(SigtermResponse.ignore());
        }

        @Test
        void should_give_other_containers_the_default_behaviour() {
            Scenario s = ScenarioReader.readOne("s.yaml", withScript("containers:\n  app:\n    - exit: {after: 5s, code: 2}"));

            assertThat(s.behaviours()).containsOnlyKeys("app");
            assertThat(s.behaviour("other")).isEqualTo(dev.podcheck.spec.behaviour.ContainerBehaviour.DEFAULT);
            assertThat(s.events()).isEmpty();
            assertThat(List.of(s.pod().metadata().annotations())).containsExactly(Map.of());
        }
    }
}
