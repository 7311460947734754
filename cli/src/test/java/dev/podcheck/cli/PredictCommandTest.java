package dev.podcheck.cli;

import static dev.podcheck.conformance.report.Traces.running;
import static dev.podcheck.conformance.report.Traces.trace;
import static dev.podcheck.conformance.report.Traces.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.cli.PodcheckCliTest.Run;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.TraceCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PredictCommandTest {

    static final Trace WEB_STARTS = trace()
            .created(0, "Guaranteed").phase(0, PodPhase.Pending)
            .status(0, "app", waiting("ContainerCreating"), 0, false, false)
            .status(1000, "app", running(1000), 0, true, true)
            .phase(1000, PodPhase.Running)
            .build();

    final RecordingSimulator engine = new RecordingSimulator(WEB_STARTS);

    Run predict(String... args) {
        String[] argv = new String[args.length + 1];
        argv[0] = "predict";
        System.arraycopy(args, 0, argv, 1, args.length);
        return PodcheckCliTest.podcheck(engine.factory(), argv);
    }

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static final String INVALID = """
            apiVersion: v1
            kind: Pod
            metadata: {name: bad}
            spec:
              restartPolicy: Sometimes
              containers:
              - name: app
                image: nginx
            """;

    @Nested
    class Output {
        @Test
        void should_print_the_timeline_of_the_defaulted_pod_under_a_header_naming_file_pod_and_horizon() throws IOException {
            Path web = file("web.yaml", PodcheckCliTest.VALID);

            Run run = predict(web.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).isEqualTo("# " + web + ": pod/web, predicted for 10m on Kubernetes 1.34\n"
                    + "# app: no behaviour given, assumed to run until stopped, always healthy, exiting at once on SIGTERM\n" + """
                     time  container  change
                    0.000  (pod)      created, qosClass Guaranteed
                    0.000  (pod)      phase Pending
                    0.000  app        Waiting ContainerCreating
                    1.000  app        Running, started, ready
                    1.000  (pod)      phase Running
                    """);
            assertThat(run.err()).isEmpty();
            assertThat(engine.calls).singleElement().satisfies(call -> {
                assertThat(call.horizon()).isEqualTo(Duration.ofMinutes(10));
                assertThat(call.scenario().pod().spec().restartPolicy()).as("the engine gets the defaulted pod")
                        .isEqualTo("Always");
            });
        }

        @Test
        void should_print_the_trace_json_with_output_json() throws IOException {
            Run run = predict(file("web.yaml", PodcheckCliTest.VALID).toString(), "--output", "json");

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).isEqualTo(TraceCodec.toJson(WEB_STARTS));
            assertThat(TraceCodec.fromJson("stdout", run.out())).isEqualTo(WEB_STARTS);
        }

        @Test
        void should_predict_each_document_of_a_file_in_turn() throws IOException {
            Path two = file("two.yaml", PodcheckCliTest.VALID + "---\n" + PodcheckCliTest.VALID.replace("name: web", "name: api"));

            Run run = predict(two.toString(), "--horizon", "90s");

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("# " + two + ": pod/web, predicted for 1m30s on Kubernetes 1.34\n")
                    .contains("\n\n# " + two + ": pod/api, predicted for 1m30s on Kubernetes 1.34\n");
            assertThat(engine.calls).extracting(RecordingSimulator.Call::horizon).containsExactly(
                    Duration.ofSeconds(90), Duration.ofSeconds(90));
        }
    }

    @Nested
    class KubectlStyle {
        @Test
        void should_read_standard_input_given_as_dash_or_f_dash() {
            for (String[] args : new String[][] {{"-"}, {"-f", "-"}}) {
                Run run = PodcheckCliTest.withStdin(PodcheckCliTest.VALID, engine.factory(), concat("predict", args));

                assertThat(run.exit()).isEqualTo(ExitCodes.OK);
                assertThat(run.out()).startsWith("# STDIN: pod/web, predicted for 10m on Kubernetes 1.34\n");
            }
        }

        @Test
        void should_print_the_trace_as_yaml_with_o_yaml_and_the_assumptions_on_stderr() throws IOException {
            Run run = predict("-o", "yaml", "-f", file("web.yaml", PodcheckCliTest.VALID).toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).isEqualTo(OutputFormat.yamlOf(TraceCodec.toJson(WEB_STARTS))).startsWith("---\n");
            assertThat(run.err()).isEqualTo("podcheck: pod/web: app: no behaviour given, assumed to run until stopped,"
                    + " always healthy, exiting at once on SIGTERM\n");
        }

        @Test
        void should_say_only_what_it_assumed_for_containers_without_a_behaviour() throws IOException {
            Path pod = file("init.yaml", """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: web
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            app: {exit: {after: 5s, code: 1}}
                    spec:
                      initContainers:
                      - {name: setup, image: busybox}
                      containers:
                      - {name: app, image: nginx}
                    """);

            Run run = predict(pod.toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out().lines().filter(l -> l.startsWith("# ") && !l.contains("predicted for")))
                    .containsExactly("# setup: no behaviour given, assumed to exit 0 one second after it starts");
        }

        @Test
        void should_predict_for_the_kubernetes_version_asked_for() throws IOException {
            Run run = predict("--kubernetes-version", "1.33", file("web.yaml", PodcheckCliTest.VALID).toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("predicted for 10m on Kubernetes 1.33\n");
            assertThat(engine.calls).singleElement().satisfies(call -> assertThat(call.profile().version()).isEqualTo("1.33"));
        }

        @Test
        void should_refuse_a_kubernetes_version_the_engine_does_not_model_naming_those_it_does() throws IOException {
            Run run = predict("--kubernetes-version", "1.20", file("web.yaml", PodcheckCliTest.VALID).toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("--kubernetes-version").contains("Kubernetes 1.20 is not modelled; podcheck models 1.33 to");
            assertThat(engine.calls).isEmpty();
        }

        private static String[] concat(String verb, String[] args) {
            String[] all = new String[args.length + 1];
            all[0] = verb;
            System.arraycopy(args, 0, all, 1, args.length);
            return all;
        }
    }

    @Nested
    class Errors {
        @Test
        void should_print_the_violations_of_an_invalid_pod_on_stderr_exit_1_and_still_predict_the_valid_ones()
                throws IOException {
            Path mixed = file("mixed.yaml", INVALID + "---\n" + PodcheckCliTest.VALID);

            Run run = predict(mixed.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.VIOLATED);
            assertThat(run.err()).startsWith(mixed + ":5:18: spec.restartPolicy: Unsupported value: \"Sometimes\"");
            assertThat(run.out()).startsWith("# " + mixed + ": pod/web, predicted for 10m on Kubernetes 1.34\n");
            assertThat(engine.calls).hasSize(1);
        }

        @Test
        void should_exit_2_with_one_line_for_an_unreadable_file() throws IOException {
            Path notYaml = file("notyaml.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web\n");

            Run run = predict(notYaml.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).containsExactly(
                    "podcheck: " + notYaml + ":4:1: not valid YAML: expected ',' or '}', but got <stream end>");
            assertThat(run.out()).isEmpty();
            assertThat(engine.calls).isEmpty();
        }

        @Test
        void should_exit_2_for_a_missing_file() {
            Run run = predict(dir.resolve("missing.yaml").toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).isEqualTo("podcheck: " + dir.resolve("missing.yaml") + ": no such file\n");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ten", "-5m", "0s", "5d", "1m30"})
        void should_exit_2_naming_the_expected_form_for_a_bad_horizon(String horizon) throws IOException {
            Run run = predict(file("web.yaml", PodcheckCliTest.VALID).toString(), "--horizon", horizon);

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: Invalid value for option '--horizon': ")
                    .contains("\"" + horizon + "\"")
                    .contains("Try 'podcheck predict --help'")
                    .doesNotContain("Exception");
            assertThat(engine.calls).isEmpty();
        }

        @Test
        void should_read_a_plain_number_as_seconds_as_the_scenario_annotation_does() throws IOException {
            Run run = predict(file("web.yaml", PodcheckCliTest.VALID).toString(), "--horizon", "45");

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(engine.calls).extracting(RecordingSimulator.Call::horizon).containsExactly(Duration.ofSeconds(45));
        }

        @Test
        void should_exit_2_for_an_unknown_output_format() throws IOException {
            Run run = predict(file("web.yaml", PodcheckCliTest.VALID).toString(), "--output", "wide");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: Invalid value for option '--output': expected one of [text, json, yaml]");
        }
    }

    @Nested
    class WithTheEngine {
        static java.util.stream.Stream<Path> manifests() throws IOException {
            return Files.list(Path.of("../spec/src/test/resources/manifests")).filter(p -> p.toString().endsWith(".yaml")).sorted();
        }

        @ParameterizedTest
        @org.junit.jupiter.params.provider.MethodSource("manifests")
        void should_predict_every_sample_manifest(Path manifest) {
            Run run = PodcheckCliTest.podcheck("predict", manifest.toString(), "--horizon", "5m");

            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("phase Running");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void should_predict_the_invalid_samples_as_invalid() throws IOException {
            try (var invalid = Files.list(Path.of("../spec/src/test/resources/manifests/invalid"))) {
                for (Path manifest : invalid.toList()) {
                    assertThat(PodcheckCliTest.podcheck("predict", manifest.toString()).exit())
                            .as(manifest.toString()).isEqualTo(ExitCodes.VIOLATED);
                }
            }
        }
    }

    @Nested
    class Usage {
        @Test
        void should_offer_help_naming_the_options_and_exit_codes() {
            Run run = predict("--help");

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("Usage: podcheck predict")
                    .contains("--output=text|json").contains("--horizon=DURATION").contains("default: 10m")
                    .contains("Exit codes:");
            assertThat(engine.calls).isEmpty();
        }

        @Test
        void should_exit_2_without_a_file() {
            Run run = predict();

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: no input: name a FILE, or -f FILE, or - for standard input\n");
        }
    }
}
