package dev.podcheck.spec.admission;

import static dev.podcheck.spec.admission.Fixtures.messagesOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.PodReadinessGate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pod-level fields: V-1..V-4 and readiness gates. */
class PodSpecValidationTest {

    @Test
    void should_accept_a_defaulted_minimal_pod() {
        assertThat(Validation.validate(Fixtures.valid())).isEmpty();
    }

    @Nested
    class TerminationGracePeriod {
        @Test
        void should_require_terminationGracePeriodSeconds() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withTerminationGracePeriodSeconds(null))))
                    .containsExactly("spec.terminationGracePeriodSeconds: Required value");
        }

        @ParameterizedTest
        @ValueSource(longs = {0, -1})
        void should_accept_zero_and_negative_grace_periods_at_create(long seconds) {
            // SEMANTICS V-1: no sign check at create; a negative value acts as 1 on delete.
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withTerminationGracePeriodSeconds(seconds)))).isEmpty();
        }
    }

    @Nested
    class ActiveDeadline {
        @ParameterizedTest
        @ValueSource(longs = {0, -1, 2147483648L})
        void should_refuse_activeDeadlineSeconds_outside_1_to_maxInt32(long seconds) {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withActiveDeadlineSeconds(seconds)))).containsExactly(
                    "spec.activeDeadlineSeconds: Invalid value: " + seconds
                            + ": must be between 1 and 2147483647, inclusive");
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2147483647L})
        void should_accept_activeDeadlineSeconds_at_the_bounds(long seconds) {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withActiveDeadlineSeconds(seconds)))).isEmpty();
        }
    }

    @Nested
    class RestartPolicy {
        @Test
        void should_refuse_an_unsupported_restartPolicy_listing_the_supported_ones() {
            // Listed in validateRestartPolicy's order; field.NotSupported does not sort.
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withRestartPolicy("Sometimes")))).containsExactly(
                    "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                            + "\"Always\", \"OnFailure\", \"Never\"");
        }

        @Test
        void should_be_case_sensitive() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withRestartPolicy("always"))))
                    .singleElement().asString().startsWith("spec.restartPolicy: Unsupported value: \"always\"");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Always", "OnFailure", "Never"})
        void should_accept_each_supported_restartPolicy(String policy) {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withRestartPolicy(policy)))).isEmpty();
        }

        @Test
        void should_require_restartPolicy_when_not_defaulted() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withRestartPolicy(null))))
                    .containsExactly("spec.restartPolicy: Required value");
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withRestartPolicy(""))))
                    .containsExactly("spec.restartPolicy: Required value");
        }
    }

    @Nested
    class Containers {
        @Test
        void should_require_at_least_one_container() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withContainers(List.of()))))
                    .containsExactly("spec.containers: Required value");
        }

        @Test
        void should_not_count_init_containers_as_containers() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withInitContainers(s.containers())
                    .withContainers(List.of())))).containsExactly("spec.containers: Required value");
        }
    }

    @Nested
    class ReadinessGates {
        @Test
        void should_require_a_conditionType() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withReadinessGates(List.of(new PodReadinessGate(null))))))
                    .containsExactly(
                            "spec.readinessGates[0].conditionType: Invalid value: \"\": name part must be non-empty",
                            "spec.readinessGates[0].conditionType: Invalid value: \"\": name part "
                                    + NameRules.QUALIFIED_NAME_MESSAGE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ready2", "example.com/feature-1", "www.example.com/Gate_A.b"})
        void should_accept_qualified_condition_types(String type) {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withReadinessGates(List.of(new PodReadinessGate(type))))))
                    .isEmpty();
        }

        @Test
        void should_refuse_a_condition_type_with_a_bad_prefix() {
            assertThat(messagesOf(Fixtures.withSpec(s -> s.withReadinessGates(
                    List.of(new PodReadinessGate("Example.com/gate")))))).containsExactly(
                    "spec.readinessGates[0].conditionType: Invalid value: \"Example.com/gate\": prefix part "
                            + "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
                            + "'-' or '.', and must start and end with an alphanumeric character (e.g. "
                            + "'example.com', regex used for validation is "
                            + "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
        }

        @Test
        void should_spell_the_qualified_name_message_as_apimachinery_does() {
            assertThat(NameRules.QUALIFIED_NAME_MESSAGE).isEqualTo(
                    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an "
                            + "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for "
                            + "validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
        }
    }
}
