package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** runtime.go's termination message cases, as hand-built traces of the terminated state. */
class TerminationMessageTest {
    static String pod(String behaviour, String policy) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: %s
                spec:
                  restartPolicy: Never
                  containers: [{name: app, image: busybox, terminationMessagePolicy: %s}]
                """.formatted(behaviour, policy);
    }

    static TraceEvent.ContainerStatusChanged exited(int code, String message) {
        return new TraceEvent.ContainerStatusChanged(5000, new ContainerStatus("app",
                new ContainerState.Terminated(code, code == 0 ? "Completed" : "Error", "", 0, 5000, message),
                null, 0, false, false));
    }

    @Nested
    class Reported {
        @Test
        void should_hold_for_the_log_tail_of_a_failed_container_under_FallbackToLogsOnError() {
            // `/bin/echo -n DONE; /bin/false`
            var t = trace(exited(1, "DONE"));
            assertThat(new TerminationMessageReported().check(
                    Trials.of(pod("{exit: {code: 1}, log: DONE}", "FallbackToLogsOnError"), t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_succeeded_container_shows_its_log() {
            // `/bin/echo -n DONE; /bin/true`: the message must be empty
            TraceEvent shown = exited(0, "DONE");
            assertThat(new TerminationMessageReported().check(
                    Trials.of(pod("{exit: {code: 0}, log: DONE}", "FallbackToLogsOnError"), trace(shown))))
                    .isEqualTo(Verdict.violated("at 5000 ms app (instance 0, exit 0) showed the termination message "
                            + "\"DONE\", not \"\"", shown));
        }

        @Test
        void should_be_violated_when_the_file_is_lost() {
            TraceEvent shown = exited(0, "");
            assertThat(new TerminationMessageReported().check(
                    Trials.of(pod("{exit: {code: 0}, terminationMessage: OK, log: DONE}", "FallbackToLogsOnError"),
                            trace(shown)))).isEqualTo(Verdict.violated("at 5000 ms app (instance 0, exit 0) showed the "
                    + "termination message \"\", not \"OK\"", shown));
        }
    }

    @Nested
    class Limits {
        @Test
        void should_be_violated_by_a_message_longer_than_4096_bytes() {
            TraceEvent shown = exited(1, "x".repeat(4097));
            assertThat(new TerminationMessageLimits().check(Trials.of(pod("{}", "File"), trace(shown))))
                    .isEqualTo(Verdict.violated("at 5000 ms app showed a termination message of 4097 bytes; at most "
                            + "4096 are kept", shown));
        }

        @Test
        void should_hold_at_4096_bytes() {
            assertThat(new TerminationMessageLimits().check(Trials.of(pod("{}", "File"),
                    trace(exited(1, "x".repeat(4096)))))).isEqualTo(Verdict.HOLDS);
        }
    }
}
