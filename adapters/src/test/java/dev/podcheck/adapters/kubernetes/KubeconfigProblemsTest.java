package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A kubeconfig podcheck cannot use is one line that names the file, and exit code 5, never an internal error. */
class KubeconfigProblemsTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster: {server: "https://127.0.0.1:1"}
            users:
            - name: u
              user: {token: t}
            contexts:
            - name: ok
              context: {cluster: c, user: u}
            - name: lost
              context: {cluster: gone, user: u}
            - name: nobody
              context: {cluster: c, user: ghost}
            current-context: ok
            """;

    private String problem(String contents, String context) throws IOException {
        Path file = Files.writeString(dir.resolve("kubeconfig"), contents);
        return assertThatThrownBy(() -> ClusterConnection.open(new ClusterChoice(file, context, false),
                new ClusterEnvironment(Map.of(), dir, dir), w -> {}))
                .isInstanceOf(TargetException.class).actual().getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty                     |                   | is empty
            malformed YAML            |clusters: [ {      | is not a kubeconfig:
            not a mapping             |- just a list      | is not a kubeconfig:
            no contexts               |apiVersion: v1     | has no context named "ok"
            """)
    void should_say_in_one_line_what_is_wrong_with_the_file(String what, String contents, String says) throws IOException {
        String message = problem(contents == null ? "" : contents, "ok");

        assertThat(message).startsWith(dir.resolve("kubeconfig") + " ").contains(says).doesNotContain("\n");
    }

    @Test
    void should_name_a_context_the_file_lacks() throws IOException {
        assertThat(problem(GOOD, "prod")).isEqualTo(dir.resolve("kubeconfig") + " has no context named \"prod\"");
    }

    @Test
    void should_name_the_cluster_and_user_a_context_points_at_but_the_file_lacks() throws IOException {
        assertThat(problem(GOOD, "lost")).isEqualTo(dir.resolve("kubeconfig")
                + ": context \"lost\" names cluster \"gone\", which the file does not define");
        assertThat(problem(GOOD, "nobody")).isEqualTo(dir.resolve("kubeconfig")
                + ": context \"nobody\" names user \"ghost\", which the file does not define");
    }

    @Test
    void should_ask_for_a_context_when_the_file_has_no_current_one() throws IOException {
        assertThat(problem(GOOD.replace("current-context: ok", ""), null)).isEqualTo(dir.resolve("kubeconfig")
                + " sets no current-context: name one with --context");
    }
}
