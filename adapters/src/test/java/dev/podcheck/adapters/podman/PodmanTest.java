package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodmanTest {
    @TempDir
    Path dir;

    private Podman podman(String binary) throws Exception {
        StateDir state = new StateDir(dir.resolve("state")).prepare();
        return new Podman(binary, state.containersConf(), state.scratch());
    }

    private static String gist(String stderr) {
        return Podman.gist(new HostCommand.Result(125, "", stderr));
    }

    @Nested
    class Messages {
        @Test
        void should_keep_podmans_error_lines_without_their_prefix() {
            assertThat(gist("Error: init container 974fb815deb6 exited with code 1\n"))
                    .isEqualTo("init container 974fb815deb6 exited with code 1");
        }

        @Test
        void should_keep_logrus_errors_and_drop_its_warnings() {
            assertThat(gist("""
                    time="2026-11-25T19:09:00Z" level=warning msg="a warning"
                    time="2026-11-25T19:09:05Z" level=error msg="Removing container d20c from database: no \\"such\\" container"
                    Error: failed to remove once init container 5105: container state improper
                    """)).isEqualTo("Removing container d20c from database: no \"such\" container; failed to remove once"
                    + " init container 5105: container state improper");
        }

        @Test
        void should_fall_back_to_the_last_line_and_cut_a_long_message() {
            assertThat(gist("something odd\nreally odd\n")).isEqualTo("really odd");
            assertThat(gist("")).isEqualTo("no message");
            assertThat(gist("Error: " + "x".repeat(500))).hasSize(300).endsWith("...");
        }
    }

    @Nested
    class Calls {
        @Test
        void should_pass_the_private_configuration_to_every_call() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("info", "echo \"$CONTAINERS_CONF\"");
            Podman podman = podman(fake.install().toString());

            assertThat(podman.run(Podman.QUICK, "info").strip()).isEqualTo(dir.resolve("state/containers.conf").toString());
        }

        @Test
        void should_name_the_call_and_what_podman_said_when_it_fails() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake"))
                    .on("pod rm", "echo 'Error: no pod with name or ID x found: no such pod' >&2; exit 1");
            Podman podman = podman(fake.install().toString());

            assertThatThrownBy(() -> podman.run(Podman.QUICK, "pod", "rm", "x")).isInstanceOf(TargetException.class)
                    .hasMessage("podman pod rm failed (exit 1): no pod with name or ID x found: no such pod");
        }

        @Test
        void should_give_up_on_a_call_that_does_not_answer_in_time() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("pod stop", "exec sleep 30");
            Podman podman = podman(fake.install().toString());

            assertThatThrownBy(() -> podman.run(Duration.ofMillis(300), "pod", "stop", "x"))
                    .isInstanceOf(TargetException.class).hasMessage("podman pod stop gave no answer within 300ms");
        }

        @Test
        void should_say_how_to_get_podman_when_it_is_missing() throws Exception {
            Podman podman = podman(dir.resolve("nowhere/podman").toString());

            assertThatThrownBy(podman::version).isInstanceOf(TargetException.class)
                    .hasMessage("cannot run " + dir.resolve("nowhere/podman")
                            + ": No such file or directory; install podman, or name its binary with --podman PATH");
        }

        @Test
        void should_say_podman_does_not_run_when_it_fails_to() throws Exception {
            FakePodman fake = new FakePodman(dir.resolve("fake")).on("version",
                    "echo 'Error: default OCI runtime \"runc\" not found: invalid argument' >&2; exit 125");
            Podman podman = podman(fake.install().toString());

            assertThatThrownBy(podman::version).isInstanceOf(TargetException.class)
                    .hasMessage("podman does not run here: default OCI runtime \"runc\" not found: invalid argument");
        }
    }
}
