package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.HTTPGetAction;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Probes: V-8..V-12. */
class ProbeValidationTest {

    private static Pod withProbe(ProbeKind kind, Probe probe) {
        return Fixtures.withApp(c -> c.withProbe(kind, probe));
    }

    private static String at(ProbeKind kind) {
        return "spec.containers[0]." + kind.fieldName();
    }

    @Nested
    class Numbers {
        @ParameterizedTest(name = "{0}.{1}")
        @CsvSource({
                "liveness, initialDelaySeconds", "liveness, timeoutSeconds", "liveness, periodSeconds",
                "liveness, failureThreshold",
                "readiness, initialDelaySeconds", "readiness, timeoutSeconds", "readiness, periodSeconds",
                "readiness, successThreshold", "readiness, failureThreshold",
                "startup, initialDelaySeconds", "startup, timeoutSeconds", "startup, periodSeconds",
                "startup, failureThreshold"})
        void should_refuse_a_negative_probe_number(ProbeKind kind, String field) {
            Probe probe = negative(Fixtures.execProbe(), field);
            assertThat(messagesOf(withProbe(kind, probe))).containsExactly(
                    at(kind) + "." + field + ": Invalid value: -1: must be greater than or equal to 0");
        }

        @Test
        void should_accept_initialDelaySeconds_0() {
            assertThat(messagesOf(withProbe(ProbeKind.liveness, Fixtures.execProbe().withTiming(0, 1, 1, 1, 1))))
                    .isEmpty();
        }

        private Probe negative(Probe p, String field) {
            return p.withTiming(
                    field.equals("initialDelaySeconds") ? -1 : null,
                    field.equals("timeoutSeconds") ? -1 : null,
                    field.equals("periodSeconds") ? -1 : null,
                    field.equals("successThreshold") ? -1 : null,
                    field.equals("failureThreshold") ? -1 : null);
        }
    }

    @Nested
    class SuccessThreshold {
        @ParameterizedTest
        @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
        void should_require_successThreshold_1_for_liveness_and_startup(ProbeKind kind) {
            assertThat(messagesOf(withProbe(kind, Fixtures.execProbe().withTiming(null, null, null, 2, null))))
                    .containsExactly(at(kind) + ".successThreshold: Invalid value: 2: must be 1");
        }

        @Test
        void should_report_both_a_negative_successThreshold_and_that_it_is_not_1() {
            assertThat(messagesOf(withProbe(ProbeKind.liveness,
                    Fixtures.execProbe().withTiming(null, null, null, -1, null)))).containsExactly(
                    at(ProbeKind.liveness) + ".successThreshold: Invalid value: -1: must be greater than or equal to 0",
                    at(ProbeKind.liveness) + ".successThreshold: Invalid value: -1: must be 1");
        }

        @Test
        void should_allow_a_readiness_successThreshold_above_1() {
            assertThat(messagesOf(withProbe(ProbeKind.readiness,
                    Fixtures.execProbe().withTiming(null, null, null, 3, null)))).isEmpty();
        }
    }

    @Nested
    class ProbeGracePeriod {
        @Test
        void should_refuse_a_readiness_probe_grace_period() {
            assertThat(messagesOf(withProbe(ProbeKind.readiness,
                    Fixtures.execProbe().withTerminationGracePeriodSeconds(10L)))).containsExactly(
                    at(ProbeKind.readiness) + ".terminationGracePeriodSeconds: Invalid value: 10: "
                            + "must not be set for readinessProbes");
        }

        @ParameterizedTest
        @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
        void should_allow_a_positive_grace_period_on_liveness_and_startup(ProbeKind kind) {
            assertThat(messagesOf(withProbe(kind, Fixtures.execProbe().withTerminationGracePeriodSeconds(1L))))
                    .isEmpty();
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -3})
        void should_refuse_a_probe_grace_period_that_is_not_positive(long seconds) {
            assertThat(messagesOf(withProbe(ProbeKind.liveness,
                    Fixtures.execProbe().withTerminationGracePeriodSeconds(seconds)))).containsExactly(
                    at(ProbeKind.liveness) + ".terminationGracePeriodSeconds: Invalid value: " + seconds
                            + ": must be greater than 0");
        }
    }

    @Nested
    class Handlers {
        @ParameterizedTest
        @EnumSource(ProbeKind.class)
        void should_require_a_handler(ProbeKind kind) {
            assertThat(messagesOf(withProbe(kind, Fixtures.noHandlerProbe())))
                    .containsExactly(at(kind) + ": Required value: must specify a handler type");
        }

        @Test
        void should_forbid_every_handler_after_the_first() {
            Probe probe = Fixtures.execProbe().withHandlers(Fixtures.exec("true"),
                    HTTPGetAction.of("/", 80), Fixtures.tcpProbe(IntOrString.of(80)).tcpSocket(),
                    Fixtures.grpcProbe(9000).grpc());
            assertThat(messagesOf(withProbe(ProbeKind.readiness, probe))).containsExactly(
                    at(ProbeKind.readiness) + ".httpGet: Forbidden: may not specify more than 1 handler type",
                    at(ProbeKind.readiness) + ".tcpSocket: Forbidden: may not specify more than 1 handler type",
                    at(ProbeKind.readiness) + ".grpc: Forbidden: may not specify more than 1 handler type");
        }

        @Test
        void should_require_an_exec_command() {
            assertThat(messagesOf(withProbe(ProbeKind.liveness, Probe.exec(List.of()))))
                    .containsExactly(at(ProbeKind.liveness) + ".exec.command: Required value");
        }

        @Test
        void should_refuse_an_unsupported_httpGet_scheme() {
            Probe probe = Fixtures.execProbe().withHandlers(null,
                    new HTTPGetAction("/", IntOrString.of(80), null, "FTP", Map.of()), null, null);
            assertThat(messagesOf(withProbe(ProbeKind.liveness, probe))).containsExactly(
                    at(ProbeKind.liveness) + ".httpGet.scheme: Unsupported value: \"FTP\": "
                            + "supported values: \"HTTP\", \"HTTPS\"");
        }

        @Test
        void should_accept_HTTPS() {
            Probe probe = Fixtures.execProbe().withHandlers(null,
                    new HTTPGetAction("/", IntOrString.of(443), null, "HTTPS", Map.of()), null, null);
            assertThat(messagesOf(withProbe(ProbeKind.liveness, probe))).isEmpty();
        }

        @Test
        void should_require_an_httpGet_path_when_not_defaulted() {
            Pod pod = withProbe(ProbeKind.readiness, Fixtures.httpProbe(IntOrString.of(80)));
            Probe raw = pod.spec().containers().get(0).readinessProbe().withHandlers(null,
                    new HTTPGetAction("", IntOrString.of(80), null, "HTTP", Map.of()), null, null);
            Pod rawPod = pod.withSpec(pod.spec().withContainers(
                    List.of(pod.spec().containers().get(0).withProbe(ProbeKind.readiness, raw))));
            assertThat(messagesOf(rawPod)).containsExactly(at(ProbeKind.readiness) + ".httpGet.path: Required value");
        }
    }

    @Nested
    class Ports {
        @ParameterizedTest
        @ValueSource(ints = {0, -1, 65536})
        void should_refuse_port_numbers_outside_1_to_65535_for_every_handler(int port) {
            String message = ": Invalid value: " + port + ": must be between 1 and 65535, inclusive";
            assertThat(messagesOf(withProbe(ProbeKind.liveness, Fixtures.httpProbe(IntOrString.of(port)))))
                    .containsExactly(at(ProbeKind.liveness) + ".httpGet.port" + message);
            assertThat(messagesOf(withProbe(ProbeKind.liveness, Fixtures.tcpProbe(IntOrString.of(port)))))
                    .containsExactly(at(ProbeKind.liveness) + ".tcpSocket.port" + message);
            assertThat(messagesOf(withProbe(ProbeKind.liveness, Fixtures.grpcProbe(port))))
                    .containsExactly(at(ProbeKind.liveness) + ".grpc.port" + message);
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 65535})
        void should_accept_port_numbers_at_the_bounds(int port) {
            assertThat(messagesOf(withProbe(ProbeKind.readiness, Fixtures.tcpProbe(IntOrString.of(port))))).isEmpty();
        }

        @Test
        void should_treat_an_unset_port_as_0() {
            assertThat(messagesOf(withProbe(ProbeKind.readiness, Fixtures.tcpProbe(null)))).containsExactly(
                    at(ProbeKind.readiness) + ".tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive");
        }

        @ParameterizedTest
        @ValueSource(strings = {"http", "metrics-1", "a", "abcdefghijklmno"})
        void should_accept_iana_service_names(String name) {
            assertThat(messagesOf(withProbe(ProbeKind.readiness, Fixtures.httpProbe(new IntOrString(null, name)))))
                    .isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
                "abcdefghijklmnop | must be no more than 15 characters",
                "Http | must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)",
                "8080 | must contain at least one letter (a-z)",
                "my--port | must not contain consecutive hyphens",
                "-http | must not begin or end with a hyphen"})
        void should_refuse_a_bad_port_name(String name, String message) {
            assertThat(messagesOf(withProbe(ProbeKind.readiness, Fixtures.tcpProbe(new IntOrString(null, name)))))
                    .containsExactly(at(ProbeKind.readiness) + ".tcpSocket.port: Invalid value: \"" + name + "\": "
                            + message);
        }

        @Test
        void should_report_every_problem_of_one_port_name() {
            assertThat(messagesOf(withProbe(ProbeKind.readiness, Fixtures.tcpProbe(new IntOrString(null, "--")))))
                    .containsExactly(
                            at(ProbeKind.readiness) + ".tcpSocket.port: Invalid value: \"--\": "
                                    + "must contain at least one letter (a-z)",
                            at(ProbeKind.readiness) + ".tcpSocket.port: Invalid value: \"--\": "
                                    + "must not contain consecutive hyphens",
                            at(ProbeKind.readiness) + ".tcpSocket.port: Invalid value: \"--\": "
                                    + "must not begin or end with a hyphen");
        }
    }
}
