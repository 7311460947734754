package dev.podcheck.engine.status;

import static dev.podcheck.engine.status.PodConditions.CONTAINERS_NOT_INITIALIZED;
import static dev.podcheck.engine.status.PodConditions.POD_COMPLETED;
import static dev.podcheck.engine.status.PodConditions.UNKNOWN_CONTAINER_STATUSES;
import static dev.podcheck.engine.status.Statuses.crashLoop;
import static dev.podcheck.engine.status.Statuses.initDone;
import static dev.podcheck.engine.status.Statuses.pod;
import static dev.podcheck.engine.status.Statuses.regular;
import static dev.podcheck.engine.status.Statuses.running;
import static dev.podcheck.engine.status.Statuses.sidecar;
import static dev.podcheck.engine.status.Statuses.started;
import static dev.podcheck.engine.status.Statuses.succeeded;
import static dev.podcheck.engine.status.Statuses.waiting;
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

/** The Initialized condition (generate.go GeneratePodInitializedCondition, SEMANTICS ST-12). */
class InitializedConditionTest {

    static final PodSpec NO_INIT = pod("Always", List.of(), "regular");
    static final PodSpec ONE_INIT = pod("Always", List.of(regular("1234")), "regular");
    static final PodSpec TWO_INIT = pod("Always", List.of(regular("1234"), regular("5678")), "regular");
    static final PodSpec ONE_SIDECAR = pod("Always", List.of(sidecar("1234")), "regular");

    @Nested
    class KubeletTable {
        // generate_test.go TestGeneratePodInitializedCondition (it compares status and reason only)

        static Stream<Arguments> cases() {
            return Stream.of(
                    arguments("nil statuses, two init containers", TWO_INIT, null, PodPhase.Running, false,
                            UNKNOWN_CONTAINER_STATUSES),
                    arguments("no init containers", NO_INIT, List.of(), PodPhase.Running, true, ""),
                    arguments("one init container, no status", ONE_INIT, List.of(), PodPhase.Running, false,
                            CONTAINERS_NOT_INITIALIZED),
                    arguments("both init containers ready", TWO_INIT, List.of(initDone("1234"), initDone("5678")),
                            PodPhase.Running, true, ""),
                    arguments("second init container unknown", TWO_INIT, List.of(initDone("1234")), PodPhase.Running,
                            false, CONTAINERS_NOT_INITIALIZED),
                    arguments("second init container not ready", TWO_INIT, List.of(initDone("1234"), running("5678")),
                            PodPhase.Running, false, CONTAINERS_NOT_INITIALIZED),
                    arguments("pod succeeded", ONE_INIT, List.of(initDone("1234")), PodPhase.Succeeded, true,
                            POD_COMPLETED),
                    arguments("sidecar not started", ONE_SIDECAR, List.of(running("1234")), PodPhase.Pending, false,
                            CONTAINERS_NOT_INITIALIZED),
                    arguments("sidecar started", ONE_SIDECAR, List.of(started("1234")), PodPhase.Running, true, ""),
                    arguments("sidecar not started, regular container running", ONE_SIDECAR,
                            List.of(running("1234"), running("regular")), PodPhase.Running, true, ""),
                    arguments("init container waiting, regular container terminated", ONE_INIT,
                            List.of(waiting("1234"), succeeded("regular")), PodPhase.Running, true, ""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("cases")
        void matches_kubelet_table(String name, PodSpec spec, List<ContainerStatus> statuses, PodPhase phase,
                                   boolean status, String reason) {
            Map<String, ContainerStatus> map = statuses == null ? null : Statuses.of(statuses);

            PodCondition condition = PodConditions.initialized(spec, map, phase);

            assertThat(condition.type()).isEqualTo(ConditionType.Initialized);
            assertThat(condition.status()).isEqualTo(status);
            assertThat(condition.reason()).isEqualTo(reason);
        }
    }

    @Nested
    class Messages {

        @Test
        void should_list_incomplete_init_containers_as_a_Go_slice() {
            // GIVEN init-1 ran, init-2 and init-3 have not completed
            PodSpec spec = pod("Always", List.of(regular("init-1"), regular("init-2"), regular("init-3")), "app");
            var statuses = Statuses.of(initDone("init-1"), running("init-2"), waiting("init-3"), waiting("app"));
            // WHEN
            PodCondition condition = PodConditions.initialized(spec, statuses, PodPhase.Pending);
            // THEN fmt's %s of a []string: space-separated, in brackets
            assertThat(condition).isEqualTo(PodCondition.isFalse(ConditionType.Initialized,
                    CONTAINERS_NOT_INITIALIZED, "containers with incomplete status: [init-2 init-3]"));
        }

        @Test
        void should_name_unknown_before_incomplete_containers() {
            PodSpec spec = pod("Always", List.of(regular("init-1"), regular("init-2")), "app");

            PodCondition condition = PodConditions.initialized(spec, Statuses.of(running("init-2")), PodPhase.Pending);

            assertThat(condition.message()).isEqualTo(
                    "containers with unknown status: [init-1], containers with incomplete status: [init-2]");
        }
    }

    @Nested
    class Quirks {

        @Test
        void should_be_False_while_a_sidecar_restarts_and_the_only_regular_container_is_in_back_off() {
            // GIVEN a restarted sidecar (not started) and a crash-looping regular container
            var statuses = Statuses.of(running("1234"), crashLoop("regular"));
            // WHEN
            PodCondition condition = PodConditions.initialized(ONE_SIDECAR, statuses, PodPhase.Running);
            // THEN generate.go asks HasAnyRegularContainerStarted (Running or Terminated only), so
            // Initialized drops to False although getPhase (v1.33+) keeps the pod Running
            assertThat(condition).isEqualTo(PodCondition.isFalse(ConditionType.Initialized,
                    CONTAINERS_NOT_INITIALIZED, "containers with incomplete status: [1234]"));
        }

        @Test
        void should_not_give_PodCompleted_when_a_Succeeded_pod_has_an_unknown_init_container() {
            PodCondition condition = PodConditions.initialized(ONE_INIT, Statuses.of(succeeded("regular")),
                    PodPhase.Succeeded);

            assertThat(condition).isEqualTo(PodCondition.isTrue(ConditionType.Initialized));
        }
    }
}
