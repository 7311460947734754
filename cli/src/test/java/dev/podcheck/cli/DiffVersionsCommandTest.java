package dev.podcheck.cli;

import static dev.podcheck.conformance.versions.VersionDiffTest.RESTARTED_WHILE_READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.cli.PodcheckCliTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffVersionsCommandTest {
    @TempDir
    Path dir;

    Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("pods.yaml"), content, StandardCharsets.UTF_8);
    }

    Run diff(String... args) {
        String[] argv = new String[args.length + 3];
        argv[0] = "diff-versions";
        argv[1] = "--report-dir";
        argv[2] = dir.resolve("reports").toString();
        System.arraycopy(args, 0, argv, 3, args.length);
        return PodcheckCliTest.podcheck(argv);
    }

    @Nested
    class Gate {
        @Test
        void should_exit_1_and_show_both_timelines_when_a_pod_changes() throws IOException {
            Run run = diff("--from", "1.34", "--to", "v1.36.3", file(RESTARTED_WHILE_READY).toString());

            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).contains("1.34 -> 1.36: 1 scenarios, 1 predicted differently")
                    .contains("CHANGED kubelet-restart-keeps-status: 1 scenario; first " + dir.resolve("pods.yaml")
                            + " document 1")
                    .contains("under 1.34:").contains("under 1.36:")
                    .containsPattern("30\\.000  app        not ready +\\*")
                    .contains("exit 1: predicted lives change");
            assertThat(dir.resolve("reports/podcheck-report.json")).content()
                    .contains("\"rules\" : [ \"kubelet-restart-keeps-status\" ]");
            assertThat(dir.resolve("reports/podcheck-report.html")).content().contains("<tr class=\"changed\">");
        }

        @Test
        void should_exit_0_when_no_pod_changes() throws IOException {
            Run run = diff("--from", "1.35", "--to", "1.36", file(RESTARTED_WHILE_READY).toString());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out()).contains("the two releases differ in no rule podcheck models")
                    .contains("exit 0: no scenario's predicted life changes");
        }
    }

    @Nested
    class BadInput {
        @Test
        void should_refuse_a_release_it_does_not_model_in_one_line() {
            Run run = diff("--from", "1.30", "--to", "1.36", "--trials", "1");
            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).startsWith("podcheck: Invalid value for option '--from': Kubernetes 1.30 is not"
                    + " modelled; podcheck models 1.33 to 1.37");
        }

        @Test
        void should_refuse_an_invalid_pod_with_exit_2_not_1() throws IOException {
            Run run = diff("--from", "1.34", "--to", "1.36", file(RESTARTED_WHILE_READY.replace("image: busybox:1.36",
                    "image: \"\"")).toString());
            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("spec.containers[0].image: Required value");
        }

        @Test
        void should_refuse_a_file_and_generated_trials_together() throws IOException {
            Run run = diff("--from", "1.34", "--to", "1.36", "--trials", "10", file(RESTARTED_WHILE_READY).toString());
            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("FILE and --trials/--seed exclude each other");
        }
    }
}
