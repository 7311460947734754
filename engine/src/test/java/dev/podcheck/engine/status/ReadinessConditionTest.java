package dev.podcheck.engine.status;

import static dev.podcheck.engine.status.PodConditions.CONTAINERS_NOT_READY;
import static dev.podcheck.engine.status.PodConditions.POD_COMPLETED;
import static dev.podcheck.engine.status.PodConditions.POD_FAILED;
import static dev.podcheck.engine.status.PodConditions.READINESS_GATES_NOT_READY;
import static dev.podcheck.engine.status.PodConditions.UNKNOWN_CONTAINER_STATUSES;
import static dev.podcheck.engine.status.Statuses.pod;
import static dev.podcheck.engine.status.Statuses.readyRunning;
import static dev.podcheck.engine.status.Statuses.regular;
import static dev.podcheck.engine.status.Statuses.running;
import static dev.podcheck.engine.status.Statuses.sidecar;
import static dev.podcheck.engine.status.Statuses.withGates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ContainersReady and Ready (generate.go, SEMANTICS ST-13, ST-14). */
class ReadinessConditionTest {

    static final PodSpec EMPTY = pod("Always", List.of());
    static final PodSpec ONE = pod("Always", List.of(), "1234");
    static final PodSpec TWO = pod("Always", List.of(), "1234", "5678");
    static final PodSpec ONE_SIDECAR = pod("Always", List.of(sidecar("restartable-init-1")), "regular-1");
    static final PodSpec TWO_SIDECARS =
            pod("Always", List.of(sidecar("restartable-init-1"), sidecar("restartable-init-2")), "regular-1");

    private static PodCondition notReady(String message) {
        return PodCondition.isFalse(ConditionType.ContainersReady, CONTAINERS_NOT_READY, message);
    }

    @Nested
    class ContainersReady {
        // generate_test.go TestGenerateContainersReadyCondition

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("nil statuses", EMPTY, null, PodPhase.Running,
                            PodCondition.isFalse(ConditionType.ContainersReady, UNKNOWN_CONTAINER_STATUSES, "")),
                    arguments("no containers", EMPTY, List.of(), PodPhase.Running,
                            PodCondition.isTrue(ConditionType.ContainersReady)),
                    arguments("unknown container", ONE, List.of(), PodPhase.Running,
                            notReady("containers with unknown status: [1234]")),
                    arguments("all ready", TWO, List.of(readyRunning("1234"), readyRunning("5678")), PodPhase.Running,
                            PodCondition.isTrue(ConditionType.ContainersReady)),
                    arguments("one unknown", TWO, List.of(readyRunning("1234")), PodPhase.Running,
                            notReady("containers with unknown status: [5678]")),
                    arguments("one unready", TWO, List.of(readyRunning("1234"), running("5678")), PodPhase.Running,
                            notReady("containers with unready status: [5678]")),
                    arguments("succeeded", ONE, List.of(running("1234")), PodPhase.Succeeded,
                            PodCondition.isFalse(ConditionType.ContainersReady, POD_COMPLETED, "")),
                    arguments("sidecar unknown", ONE_SIDECAR, List.of(readyRunning("regular-1")), PodPhase.Running,
                            notReady("containers with unknown status: [restartable-init-1]")),
                    arguments("sidecars ready", TWO_SIDECARS, List.of(readyRunning("restartable-init-1"),
                            readyRunning("restartable-init-2"), readyRunning("regular-1")), PodPhase.Running,
                            PodCondition.isTrue(ConditionType.ContainersReady)),
                    arguments("second sidecar unknown", TWO_SIDECARS,
                            List.of(readyRunning("restartable-init-1"), readyRunning("regular-1")), PodPhase.Running,
                            notReady("containers with unknown status: [restartable-init-2]")),
                    arguments("second sidecar unready", TWO_SIDECARS, List.of(readyRunning("restartable-init-1"),
                            running("restartable-init-2"), readyRunning("regular-1")), PodPhase.Running,
                            notReady("containers with unready status: [restartable-init-2]")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void matches_kubelet_table(String name, PodSpec spec, List<ContainerStatus> statuses, PodPhase phase,
                                   PodCondition expected) {
            Map<String, ContainerStatus> map = statuses == null ? null : Statuses.of(statuses);

            assertThat(PodConditions.containersReady(spec, map, phase)).isEqualTo(expected);
        }

        @Test
        void should_list_sidecars_first_then_regular_containers_with_both_messages() {
            // GIVEN a sidecar and one app container unready, another app container unknown
            PodSpec spec = pod("Always", List.of(regular("init"), sidecar("side")), "app", "web");
            var statuses = Statuses.of(running("init"), running("side"), running("app"));
            // WHEN
            PodCondition condition = PodConditions.containersReady(spec, statuses, PodPhase.Running);
            // THEN regular init containers are not considered at all
            assertThat(condition).isEqualTo(
                    notReady("containers with unknown status: [web], containers with unready status: [side app]"));
        }

        @Test
        void should_be_PodFailed_in_phase_Failed_even_with_unknown_containers() {
            PodCondition condition = PodConditions.containersReady(TWO, Statuses.of(readyRunning("1234")), PodPhase.Failed);

            assertThat(condition).isEqualTo(PodCondition.isFalse(ConditionType.ContainersReady, POD_FAILED, ""));
        }

        @Test
        void should_not_be_PodCompleted_in_phase_Succeeded_with_an_unknown_container() {
            PodCondition condition = PodConditions.containersReady(TWO, Statuses.of(readyRunning("1234")),
                    PodPhase.Succeeded);

            assertThat(condition).isEqualTo(notReady("containers with unknown status: [5678]"));
        }
    }

    @Nested
    class Ready {
        // generate_test.go TestGeneratePodReadyCondition

        static Stream<Arguments> cases() {
            PodCondition allReady = PodCondition.isTrue(ConditionType.ContainersReady);
            return Stream.of(
                    arguments("containers not ready is copied", ONE,
                            notReady("containers with unready status: [1234]"), Map.of("gate1", true),
                            PodCondition.isFalse(ConditionType.Ready, CONTAINERS_NOT_READY,
                                    "containers with unready status: [1234]")),
                    arguments("unknown statuses is copied", EMPTY,
                            PodCondition.isFalse(ConditionType.ContainersReady, UNKNOWN_CONTAINER_STATUSES, ""), Map.of(),
                            PodCondition.isFalse(ConditionType.Ready, UNKNOWN_CONTAINER_STATUSES, "")),
                    arguments("no gates", TWO, allReady, Map.of(), PodCondition.isTrue(ConditionType.Ready)),
                    arguments("gate missing", withGates(EMPTY, "gate1"), allReady, Map.of(),
                            gatesNotReady("corresponding condition of pod readiness gate \"gate1\" does not exist.")),
                    arguments("gate False", withGates(EMPTY, "gate1"), allReady, Map.of("gate1", false),
                            gatesNotReady("the status of pod readiness gate \"gate1\" is not \"True\", but False")),
                    arguments("gate True", withGates(EMPTY, "gate1"), allReady, Map.of("gate1", true),
                            PodCondition.isTrue(ConditionType.Ready)),
                    arguments("second gate missing", withGates(EMPTY, "gate1", "gate2"), allReady, Map.of("gate1", true),
                            gatesNotReady("corresponding condition of pod readiness gate \"gate2\" does not exist.")),
                    arguments("second gate False", withGates(EMPTY, "gate1", "gate2"), allReady,
                            Map.of("gate1", true, "gate2", false),
                            gatesNotReady("the status of pod readiness gate \"gate2\" is not \"True\", but False")),
                    arguments("both gates True", withGates(EMPTY, "gate1", "gate2"), allReady,
                            Map.of("gate1", true, "gate2", true), PodCondition.isTrue(ConditionType.Ready)),
                    arguments("both gates failing, joined with a comma", withGates(EMPTY, "gate1", "gate2"), allReady,
                            Map.of("gate2", false), gatesNotReady(
                                    "corresponding condition of pod readiness gate \"gate1\" does not exist., "
                                            + "the status of pod readiness gate \"gate2\" is not \"True\", but False")));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void matches_kubelet_table(String name, PodSpec spec, PodCondition containersReady, Map<String, Boolean> gates,
                                   PodCondition expected) {
            assertThat(PodConditions.ready(spec, containersReady, gates)).isEqualTo(expected);
        }

        private static PodCondition gatesNotReady(String message) {
            return PodCondition.isFalse(ConditionType.Ready, READINESS_GATES_NOT_READY, message);
        }
    }
}
