package dev.podcheck.spec.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.admission.Violation.Type;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Property;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class InvalidPodGenTest {
    private static final Choices SIMPLEST = Choices.replay(new long[0]);

    @Nested
    class Catalogue {
        /** On the simplest pod (one container app, no init containers), each mistake and its exact violation. */
        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "MISSING_NAME,                         spec.containers[0].name,                          REQUIRED",
                "BAD_NAME,                             spec.containers[0].name,                          INVALID",
                "DUPLICATE_NAME_ACROSS_INIT_AND_REGULAR, spec.initContainers[0].name,                    DUPLICATE",
                "MISSING_IMAGE,                        spec.containers[0].image,                         REQUIRED",
                "UNSUPPORTED_RESTART_POLICY,           spec.restartPolicy,                               NOT_SUPPORTED",
                "SUCCESS_THRESHOLD_NOT_ONE,            spec.containers[0].livenessProbe.successThreshold, INVALID",
                "NEGATIVE_PERIOD_SECONDS,              spec.containers[0].startupProbe.periodSeconds,    INVALID",
                "PROBE_WITHOUT_HANDLER,                spec.containers[0].startupProbe,                  REQUIRED",
                "PROBE_WITH_TWO_HANDLERS,              spec.containers[0].startupProbe.httpGet,          FORBIDDEN",
                "PROBE_ON_REGULAR_INIT_CONTAINER,      spec.initContainers[0].startupProbe,              FORBIDDEN",
                "LIFECYCLE_ON_REGULAR_INIT_CONTAINER,  spec.initContainers[0].lifecycle,                 FORBIDDEN",
                "READINESS_PROBE_WITH_GRACE,           spec.containers[0].readinessProbe.terminationGracePeriodSeconds, INVALID",
                "PROBE_GRACE_NOT_POSITIVE,             spec.containers[0].livenessProbe.terminationGracePeriodSeconds,  INVALID",
                "SLEEP_LONGER_THAN_GRACE,              spec.containers[0].lifecycle.preStop.sleep,       INVALID",
                "ACTIVE_DEADLINE_ZERO,                 spec.activeDeadlineSeconds,                       INVALID",
                "NO_CONTAINERS,                        spec.containers,                                  REQUIRED",
                "REQUEST_ABOVE_LIMIT,                  spec.containers[0].resources.requests,            INVALID"})
        void should_name_the_exact_field_and_type(Mutation mutation, String field, Type type) {
            InvalidCase c = InvalidPodGen.invalidCases(Size.DEFAULT, mutation).generate(SIMPLEST);
            assertThat(c.field()).isEqualTo(field);
            assertThat(c.type()).isEqualTo(type);
        }

        @ParameterizedTest
        @EnumSource(Mutation.class)
        void should_make_one_mistake_that_validation_reports_exactly(Mutation mutation) {
            Property.forAll(InvalidPodGen.invalidCases(Size.DEFAULT, mutation)).trials(200).seed(11)
                    .renderedWith(c -> c + "\n" + ScenarioWriter.toYaml(c.scenario()))
                    .check(c -> assertThat(Validation.validate(Defaulting.apply(c.scenario())))
                            .singleElement()
                            .satisfies(v -> assertThat(c.isReportedBy(List.of(v))).as("reported %s", v).isTrue()));
        }
    }

    @Test
    void should_draw_every_mutation_of_the_catalogue() {
        Set<String> fields = LongStream.range(0, 600)
                .mapToObj(s -> InvalidPodGen.invalidCases().generate(Choices.random(s)))
                .map(c -> c.type() + " " + c.field().replaceAll("\\[[0-9]+]", "[i]")).collect(Collectors.toSet());
        assertThat(fields).contains("DUPLICATE spec.initContainers[i].name", "REQUIRED spec.containers",
                "FORBIDDEN spec.initContainers[i].lifecycle", "INVALID spec.initContainers[i].resources.requests");
        Set<Mutation> seen = EnumSet.noneOf(Mutation.class);
        for (long s = 0; s < 600; s++) {
            Choices c = Choices.random(s);
            InvalidPodGen.invalidCases().generate(c);
            seen.add(mutationOf(c));
        }
        assertThat(seen).containsExactlyInAnyOrder(Mutation.values());
    }

    @Test
    void should_match_a_violation_at_the_same_field_and_type() {
        InvalidCase c = InvalidPodGen.invalidCases(Size.DEFAULT, Mutation.NO_CONTAINERS).generate(SIMPLEST);
        assertThat(c.isReportedBy(List.of(Violation.required("spec.containers", "")))).isTrue();
        assertThat(c.isReportedBy(List.of(Violation.required("spec.initContainers", "")))).isFalse();
    }

    /** The mutation index is the first choice after the valid scenario's. */
    private static Mutation mutationOf(Choices drawn) {
        long[] all = drawn.recorded();
        Choices replay = Choices.replay(all);
        ScenarioGen.scenarios().generate(replay);
        return Mutation.values()[(int) all[replay.size()]];
    }
}
