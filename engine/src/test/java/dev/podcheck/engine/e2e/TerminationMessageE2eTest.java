package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e/common/node/runtime.go "Container Runtime blackbox test on terminated
 * container should report termination message ..." (SEMANTICS TM-2..TM-4): the message in the
 * terminated state, from the file, or from the log's tail under FallbackToLogsOnError on error.
 */
class TerminationMessageE2eTest {

    private static String message(String behaviour, String policy, String path, EngineOptions options) {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: termination-message
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: %s
                spec:
                  restartPolicy: Never
                  containers:
                  - name: app
                    image: busybox:1.36
                    terminationMessagePath: %s
                    terminationMessagePolicy: %s
                """.formatted(behaviour, path, policy), options);
        return ((ContainerState.Terminated) sim.lastStatus("app").state()).message();
    }

    private static String message(String behaviour, String policy) {
        return message(behaviour, policy, "/dev/termination-log", EngineOptions.DEFAULT);
    }

    @Nested
    class FromTheFile {
        @Test
        void should_report_termination_message_if_terminationMessagePath_is_set() {
            // `/bin/echo -n DONE > /dev/termination-log`, then exit 0
            assertThat(message("{exit: {code: 0}, terminationMessage: DONE}", "File")).isEqualTo("DONE");
        }

        @Test
        void should_report_termination_message_at_a_non_default_path() {
            // "... if TerminationMessagePath is set as non-root user and at a non-default path"
            assertThat(message("{exit: {code: 0}, terminationMessage: DONE}", "File", "/dev/termination-custom-log",
                    EngineOptions.DEFAULT)).isEqualTo("DONE");
        }

        @Test
        void should_keep_the_last_4096_bytes_of_a_longer_file() {
            String written = "head" + "x".repeat(5000) + "tail";
            String shown = message("{exit: {code: 1}, terminationMessage: " + written + "}", "File");
            assertThat(shown).hasSize(4096).endsWith("tail").doesNotStartWith("head");
        }

        @Test
        void termination_message_not_capped_keeps_the_whole_file() {
            String written = "x".repeat(5000);
            assertThat(message("{exit: {code: 1}, terminationMessage: " + written + "}", "File", "/dev/termination-log",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.TERMINATION_MESSAGE_NOT_CAPPED)))).hasSize(5000);
        }
    }

    @Nested
    class FallbackToLogsOnError {
        @Test
        void should_report_termination_message_from_log_output() {
            // `/bin/echo -n DONE; /bin/false`: exit 1, no file, the log is the message
            assertThat(message("{exit: {code: 1}, log: DONE}", "FallbackToLogsOnError")).isEqualTo("DONE");
        }

        @Test
        void should_report_termination_message_as_empty_when_pod_succeeds() {
            // `/bin/echo -n DONE; /bin/true`: exit 0, the log is not read
            assertThat(message("{exit: {code: 0}, log: DONE}", "FallbackToLogsOnError")).isEmpty();
        }

        @Test
        void should_report_termination_message_from_file_when_pod_succeeds() {
            // `/bin/echo -n OK > /dev/termination-log; /bin/echo DONE; /bin/true`
            assertThat(message("{exit: {code: 0}, terminationMessage: OK, log: DONE}", "FallbackToLogsOnError"))
                    .isEqualTo("OK");
        }

        @Test
        void should_keep_the_last_80_lines_of_the_log_within_2048_bytes() {
            StringBuilder log = new StringBuilder();
            for (int i = 1; i <= 100; i++) {
                log.append("line ").append(i).append("\\n");
            }
            String shown = message("{exit: {code: 2}, log: \"" + log + "\"}", "FallbackToLogsOnError");
            assertThat(shown).startsWith("line 21\n").endsWith("line 100\n");
        }

        @Test
        void log_fallback_ignored_shows_no_message() {
            assertThat(message("{exit: {code: 1}, log: DONE}", "FallbackToLogsOnError", "/dev/termination-log",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.LOG_FALLBACK_IGNORED)))).isEmpty();
        }
    }
}
