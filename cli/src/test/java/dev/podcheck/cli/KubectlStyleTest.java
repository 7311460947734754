package dev.podcheck.cli;

import static dev.podcheck.cli.PodcheckCliTest.podcheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.cli.PodcheckCliTest.Run;
import dev.podcheck.conformance.api.EngineTargetProvider;
import dev.podcheck.conformance.runner.RerunOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The command line behaves as a kubectl user expects: -o, -f and -, progress on stderr, complete help. */
class KubectlStyleTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TempDir
    Path dir;

    @Nested
    class Output {
        @Test
        void should_print_the_defaulted_pods_only_as_json_or_yaml() {
            Run json = PodcheckCliTest.withStdin(PodcheckCliTest.VALID, CommandLine.defaultFactory(), "validate", "-o", "json", "-f", "-");
            Run yaml = PodcheckCliTest.withStdin(PodcheckCliTest.VALID, CommandLine.defaultFactory(), "validate", "-o", "yaml", "-");

            assertThat(json.exit()).isZero();
            JsonNode pod = JSON.readTree(json.out());
            assertThat(pod.path("spec").path("restartPolicy").asString()).as("defaulted").isEqualTo("Always");
            assertThat(YAML.readTree(yaml.out())).isEqualTo(pod);
        }

        @Test
        void should_write_generated_scenarios_as_json_objects() {
            Run run = podcheck("generate", "--count", "1", "--seed", "3", "-o", "json");

            assertThat(run.exit()).isZero();
            assertThat(JSON.readTree(run.out()).path("kind").asString()).isEqualTo("Pod");
        }

        @Test
        void should_list_the_targets_as_json() {
            Run run = podcheck("targets", "-o", "json");

            assertThat(run.exit()).isZero();
            assertThat(JSON.readTree(run.out()).findValuesAsString("name")).contains("engine", "kubernetes");
        }

        @Test
        void should_put_only_the_json_report_on_stdout_and_progress_and_the_report_paths_on_stderr() {
            Run run = podcheck("run", "--trials", "20", "--seed", "5", "-o", "json", "--report-dir", dir.toString());

            assertThat(run.exit()).isZero();
            JsonNode report = JSON.readTree(run.out());
            assertThat(report.path("format").asString()).isEqualTo("podcheck-report/v1");
            assertThat(run.err()).contains("podcheck: 20/20 trials (100%)").contains("reports: ");
        }

        @Test
        void should_keep_progress_off_stdout_in_text_too() {
            Run run = podcheck("run", "--trials", "20", "--seed", "5", "--report-dir", dir.toString());

            assertThat(run.out()).startsWith("podcheck: 20 trials on engine").doesNotContain("trials (");
            assertThat(run.err()).startsWith("podcheck: 2/20 trials (10%)");
        }

        @Test
        void should_refuse_an_output_format_it_does_not_know() {
            Run run = podcheck("targets", "-o", "wide");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("-o").contains("text, json, yaml");
        }
    }

    @Nested
    class Input {
        @Test
        void should_refuse_a_verb_without_input_naming_the_three_ways() {
            Run run = podcheck("validate");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: no input: name a FILE, or -f FILE, or - for standard input\n");
        }

        @Test
        void should_replay_scenarios_from_standard_input_and_keep_them_for_the_replay_command() throws IOException {
            Run run = PodcheckCliTest.withStdin(PodcheckCliTest.VALID, CommandLine.defaultFactory(), "replay", "-f", "-", "--report-dir",
                    dir.toString());

            assertThat(run.exit()).isZero();
            assertThat(Files.readString(dir.resolve("stdin.yaml"))).isEqualTo(PodcheckCliTest.VALID);
        }

        @Test
        void should_name_standard_input_in_an_error_as_kubectl_does() {
            Run run = PodcheckCliTest.withStdin("kind: [", CommandLine.defaultFactory(), "validate", "-");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: STDIN:");
        }
    }

    @Nested
    class Seed {
        @Test
        void should_print_a_drawn_seed_on_stderr_that_generates_the_same_scenarios_again() {
            Run drawn = podcheck("generate", "--count", "2");

            Matcher seed = Pattern.compile("podcheck: seed (\\d+) \\(drawn at random; --seed \\1 generates these scenarios again\\)\n")
                    .matcher(drawn.err());
            assertThat(seed.matches()).as(drawn.err()).isTrue();
            Run again = podcheck("generate", "--count", "2", "--seed", seed.group(1));
            assertThat(again.out()).isEqualTo(drawn.out());
            assertThat(again.err()).as("a seed given is not printed").isEmpty();
        }
    }

    @Nested
    class KubernetesVersion {
        @Test
        void should_run_the_engine_as_the_release_asked_for_and_repeat_it_in_the_replay_options() {
            CommandLine cli = new CommandLine(new RunCommand());
            ProviderOptions.addTo(cli, new EngineTargetProvider());

            cli.parseArgs("--kubernetes-version", "1.33", "--horizon", "2m", "--trials", "5", "--seed", "9", "--parallel", "1",
                    "--max-containers", "1", "--invariant", "init,probe", "--report-dir", "some dir");

            assertThat(Rerun.of(cli, Set.of("--kubernetes-version"))).isEqualTo(new RerunOptions(
                    java.util.List.of("--kubernetes-version 1.33", "--horizon 2m"),
                    java.util.List.of("--max-containers 1", "--invariant init,probe")));
        }

        @Test
        void should_refuse_a_release_the_engine_does_not_model_on_run() {
            Run run = podcheck("run", "--target", "engine", "--kubernetes-version", "1.99", "--trials", "1");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("Kubernetes 1.99 is not modelled; podcheck models 1.33 to");
        }

        @Test
        void should_run_on_a_modelled_release() {
            Run run = podcheck("run", "--kubernetes-version", "1.33", "--trials", "3", "--seed", "1", "--report-dir", dir.toString());

            assertThat(run.exit()).isZero();
        }
    }

    @Test
    void should_quote_a_replayed_value_the_shell_would_split() {
        assertThat(Rerun.quoted("/tmp/my kube/config")).isEqualTo("'/tmp/my kube/config'");
        assertThat(Rerun.quoted("it's")).isEqualTo("'it'\\''s'");
        assertThat(Rerun.quoted("init,probe")).isEqualTo("init,probe");
    }

    @Test
    void should_redraw_progress_only_on_a_terminal_stderr() {
        assertThat(Terminal.stderr(null, "true", () -> null)).isTrue();
        assertThat(Terminal.stderr(null, "false", () -> "/dev/pts/0")).as("the wrapper knows best").isFalse();
        assertThat(Terminal.stderr("dumb", "true", () -> null)).isFalse();
        assertThat(Terminal.stderr(null, null, () -> "/dev/pts/3")).isTrue();
        assertThat(Terminal.stderr(null, null, () -> "pipe:[1234]")).isFalse();
        assertThat(Terminal.stderr(null, null, () -> null)).isFalse();
    }
}
