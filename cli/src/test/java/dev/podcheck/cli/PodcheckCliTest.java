package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.yaml.ScenarioReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PodcheckCliTest {

    /** One finished invocation: exit code and both streams. */
    record Run(int exit, String out, String err) {}

    static Run podcheck(String... args) {
        return podcheck(picocli.CommandLine.defaultFactory(), args);
    }

    /** With the factory that builds the commands, so a test can put a fake engine in. */
    static Run podcheck(picocli.CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Podcheck.execute(factory, new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** With {@code stdin} as standard input, for {@code -} and {@code -f -}. */
    static Run withStdin(String stdin, picocli.CommandLine.IFactory factory, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Podcheck.execute(factory, Targets.discover(), new java.io.ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    static final String VALID = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              containers:
              - name: app
                image: nginx:1.27
                resources:
                  limits: {cpu: 500m, memory: 128Mi}
            """;

    private static final String MISSPELLED = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              containers:
              - name: app
                image: nginx
                livenesProbe:
                  exec: {command: ["true"]}
            """;

    @Nested
    class Validate {
        @Test
        void should_print_the_defaulted_pod_and_its_QoS_class_for_a_valid_pod() throws IOException {
            Run run = podcheck("validate", file("web.yaml", VALID).toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("pod/web is valid; qosClass: Guaranteed")
                    .contains("restartPolicy: Always")
                    .contains("terminationGracePeriodSeconds: 30")
                    .contains("imagePullPolicy: IfNotPresent");
            assertThat(run.err()).isEmpty();
        }

        @Test
        void should_list_every_violation_of_an_invalid_pod_and_exit_1() throws IOException {
            Path pod = file("bad.yaml", """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: bad}
                    spec:
                      restartPolicy: Sometimes
                      containers:
                      - name: App
                        image: nginx
                    """);

            Run run = podcheck("validate", pod.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.VIOLATED);
            assertThat(run.out()).contains(pod + ":5:18: spec.restartPolicy: Unsupported value: \"Sometimes\"")
                    .contains(pod + ":7:11: spec.containers[0].name: Invalid value: \"App\"");
        }

        @Test
        void should_refuse_a_misspelled_field_with_the_apiservers_words_and_exit_1() throws IOException {
            Path pod = file("typo.yaml", MISSPELLED);

            Run run = podcheck("validate", pod.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.VIOLATED);
            assertThat(run.out()).isEqualTo(pod + ":8:5: strict decoding error: unknown field \"spec.containers[0].livenesProbe\"\n");
        }

        @Test
        void should_warn_and_drop_a_misspelled_field_with_validate_warn() throws IOException {
            Path pod = file("typo.yaml", MISSPELLED);

            Run run = podcheck("validate", "--validate=warn", pod.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.err()).isEqualTo("Warning: " + pod + ":8:5: unknown field \"spec.containers[0].livenesProbe\"\n");
            assertThat(run.out()).doesNotContain("livenesProbe");
            assertThat(podcheck("validate", "--validate=ignore", pod.toString()).err()).isEmpty();
        }

        @Test
        void should_print_the_apiservers_warnings_for_an_accepted_pod() throws IOException {
            Path pod = file("warn.yaml", """
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: web}
                    spec:
                      terminationGracePeriodSeconds: -5
                      containers:
                      - name: app
                        image: nginx
                        env: [{name: A, value: a}, {name: A, value: b}]
                    """);
            // (not `value: y`: kubectl reads YAML 1.1, where an unquoted y is a boolean, and refuses it for a string)

            Run run = podcheck("validate", pod.toString());

            // kube-apiserver v1.34.4 gives this warning, and stores the negative grace period as 1 without one
            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.err()).isEqualTo("Warning: " + pod + ":9:32: spec.containers[0].env[1]: "
                    + "hides previous definition of \"A\", which may be dropped when using apply\n");
            assertThat(run.out()).contains("terminationGracePeriodSeconds: 1");
        }

        @Test
        void should_refuse_a_behaviour_for_an_unknown_container() throws IOException {
            Path pod = file("unknown.yaml", """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            ghost:
                            - exit: {code: 1}
                    spec:
                      containers:
                      - name: app
                        image: nginx
                    """);

            Run run = podcheck("validate", pod.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.VIOLATED);
            assertThat(run.out()).contains("metadata.annotations[podcheck.dev/scenario].containers.ghost");
        }

        @Test
        void should_exit_2_with_one_clear_line_for_each_unreadable_input() throws IOException {
            Path empty = file("empty.yaml", "");
            Path notYaml = file("notyaml.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web\n");
            Path wrongKind = file("deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\n");
            Path wrongType = file("types.yaml", "apiVersion: v1\nkind: Pod\nspec:\n  activeDeadlineSeconds: soon\n");

            Run run = podcheck("validate", empty.toString(), notYaml.toString(), wrongKind.toString(),
                    wrongType.toString(), dir.resolve("missing.yaml").toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().lines()).containsExactly(
                    "podcheck: " + empty + ": no Pod manifest found: the input is empty",
                    "podcheck: " + notYaml + ":4:1: not valid YAML: expected ',' or '}', but got <stream end>",
                    "podcheck: " + wrongKind + ":1: expected kind Pod with apiVersion v1, got kind Deployment with apiVersion apps/v1",
                    "podcheck: " + wrongType + ":4:26: spec.activeDeadlineSeconds: expected an integer, got \"soon\"",
                    "podcheck: " + dir.resolve("missing.yaml") + ": no such file");
            assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }

        @Test
        void should_refuse_a_10_MB_file() throws IOException {
            Path big = file("big.yaml", "# " + "x".repeat(10 << 20) + "\n" + VALID);

            Run run = podcheck("validate", big.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("the file is 10.0 MiB; a manifest larger than 3 MiB");
        }
    }

    @Nested
    class Usage {
        @Test
        void should_exit_2_on_an_unknown_flag_naming_it() {
            Run run = podcheck("validate", "--bogus", "x.yaml");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: Unknown option: '--bogus'")
                    .contains("Try 'podcheck validate --help'");
        }

        @Test
        void should_exit_2_without_a_command() {
            Run run = podcheck();

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("missing a command");
        }

        @ParameterizedTest
        @ValueSource(strings = {"validate", "generate", "run", "predict"})
        void should_offer_help_on_every_verb(String verb) {
            Run run = podcheck(verb, "--help");

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("Usage: podcheck " + verb);
        }
    }

    @Nested
    class Generate {
        @Test
        void should_write_count_scenarios_that_read_back_and_are_the_same_for_the_same_seed() {
            Run first = podcheck("generate", "--count", "5", "--seed", "7");
            Run second = podcheck("generate", "--count", "5", "--seed", "7");

            assertThat(first.exit()).isEqualTo(ExitCodes.OK);
            assertThat(ScenarioReader.read("generated", first.out())).hasSize(5);
            assertThat(second.out()).isEqualTo(first.out());
            assertThat(podcheck("generate", "--count", "5", "--seed", "8").out()).isNotEqualTo(first.out());
        }

        @Test
        void should_refuse_a_negative_count() {
            Run run = podcheck("generate", "--count", "-1");

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("--count must be at least 0");
        }
    }

    @Nested
    class RunVerb {
        @Test
        void should_check_the_catalogue_on_generated_scenarios_and_pass_on_the_engine() {
            Run run = podcheck("run", "--trials", "50", "--seed", "3", "--report-dir", dir.toString());

            assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("50 trials on engine (seed 3, shard 1/1)").contains("init");
            assertThat(dir.resolve("podcheck-report.xml")).exists();
            assertThat(dir.resolve("podcheck-report.json")).exists();
            assertThat(dir.resolve("podcheck-report.html")).exists();
        }

        @Test
        void should_replay_a_scenario_file_against_the_catalogue() throws IOException {
            Path pod = file("web.yaml", VALID);

            Run run = podcheck("replay", pod.toString(), "--report-dir", dir.resolve("r").toString());
            Run missing = podcheck("replay", dir.resolve("nope.yaml").toString());

            assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("1 trials");
            assertThat(missing.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err()).contains("nope.yaml: no scenario to replay");
        }

        @Test
        void should_check_only_the_selected_invariants_by_id_or_group() {
            Run run = podcheck("run", "--trials", "5", "--seed", "3", "--invariant", "init", "--report-dir", dir.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("init").doesNotContain("trace ");
        }

        @Test
        void should_accept_a_fact_of_the_differential_narrowed_to_a_kind_and_features_as_a_known_deviation()
                throws IOException {
            Path known = file("known.yaml", "- id: differs/stop-interval\n  kind: regular\n  features: [deletion]\n"
                    + "  reason: our runtime ignores the grace period\n");

            Run run = podcheck("run", "--trials", "5", "--known", known.toString(), "--report-dir", dir.toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        }

        @Test
        void should_refuse_a_blanket_differs_from_reference_entry_and_say_which_facts_exist() throws IOException {
            Path known = file("known.yaml", "- id: differs-from-reference\n  reason: our runtime is slower\n");

            Run run = podcheck("run", "--trials", "5", "--known", known.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains(known + ": [0].id: differs-from-reference would excuse every difference "
                    + "from the reference; name the fact instead: differs/init-order, differs/sidecar-order, ");
        }

        @Test
        void should_refuse_a_fact_narrowed_to_a_feature_that_does_not_exist() throws IOException {
            Path known = file("known.yaml", "- id: differs/run-time\n  features: [probes]\n  reason: x\n");

            Run run = podcheck("run", "--trials", "5", "--known", known.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains(known + ": [0]: no scenario feature is called \"probes\"; features: "
                    + "init-containers, sidecars, ");
        }

        @Test
        void should_exit_2_for_an_unknown_invariant_a_bad_shard_or_a_bad_known_file() throws IOException {
            Run unknown = podcheck("run", "--trials", "5", "--invariant", "nope");
            Run shard = podcheck("run", "--trials", "5", "--shard", "3/2");
            Path bad = file("known.yaml", "- id: no/such\n  reason: x\n");
            Run known = podcheck("run", "--trials", "5", "--known", bad.toString());

            assertThat(unknown.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(unknown.err()).contains("--invariant: no invariant or group is called \"nope\"");
            assertThat(shard.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(shard.err()).contains("--shard: a shard is INDEX/COUNT with 1 <= INDEX <= COUNT, got 3/2");
            assertThat(known.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(known.err()).contains(bad + ": [0].id: no invariant nor fact has the id \"no/such\"; facts: "
                    + "differs/init-order, ");
        }

        @Test
        void should_take_a_shrink_budget_of_zero_or_more() {
            Run none = podcheck("run", "--trials", "5", "--shrink-attempts", "0", "--report-dir", dir.toString());
            Run negative = podcheck("run", "--trials", "5", "--shrink-attempts", "-1");

            assertThat(none.exit()).as(none.err()).isEqualTo(ExitCodes.OK);
            assertThat(negative.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(negative.err()).contains("--shrink-attempts must not be negative, got -1");
        }
    }
}
