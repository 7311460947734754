package dev.podcheck.engine.status;

import static dev.podcheck.engine.status.PodConditions.CONTAINERS_NOT_READY;
import static dev.podcheck.engine.status.PodConditions.POD_COMPLETED;
import static dev.podcheck.engine.status.PodConditions.POD_FAILED;
import static dev.podcheck.engine.status.Statuses.initDone;
import static dev.podcheck.engine.status.Statuses.pod;
import static dev.podcheck.engine.status.Statuses.readyRunning;
import static dev.podcheck.engine.status.Statuses.regular;
import static dev.podcheck.engine.status.Statuses.running;
import static dev.podcheck.engine.status.Statuses.sidecar;
import static dev.podcheck.engine.status.Statuses.succeeded;
import static dev.podcheck.engine.status.Statuses.withGates;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** All kubelet-owned conditions together, and the terminal-phase override (ST-9, ST-15, SM-4, S-13). */
class KubeletConditionsTest {

    @Nested
    class PodReadyToStartContainers {
        // generate_test.go TestGeneratePodReadyToStartContainersCondition, sandbox reduced to ready or not

        @Test
        void should_be_True_when_no_new_sandbox_is_needed() {
            assertThat(PodConditions.podReadyToStartContainers(true))
                    .isEqualTo(PodCondition.isTrue(ConditionType.PodReadyToStartContainers));
        }

        @Test
        void should_be_False_without_reason_when_a_sandbox_must_be_created() {
            assertThat(PodConditions.podReadyToStartContainers(false))
                    .isEqualTo(PodCondition.isFalse(ConditionType.PodReadyToStartContainers, "", ""));
        }
    }

    @Nested
    class KubeletOwned {

        @Test
        void should_list_the_conditions_in_generateAPIPodStatus_order() {
            // GIVEN a running pod whose init container completed and whose gate is True
            PodSpec spec = withGates(pod("Always", List.of(regular("init")), "app"), "gate1");
            var statuses = Statuses.of(initDone("init"), readyRunning("app"));
            // WHEN
            List<PodCondition> conditions = PodConditions.kubeletOwned(spec, statuses, PodPhase.Running, true,
                    Map.of("gate1", true));
            // THEN
            assertThat(conditions).containsExactly(
                    PodCondition.isTrue(ConditionType.PodReadyToStartContainers),
                    PodCondition.isTrue(ConditionType.Initialized),
                    PodCondition.isTrue(ConditionType.Ready),
                    PodCondition.isTrue(ConditionType.ContainersReady),
                    PodCondition.isTrue(ConditionType.PodScheduled));
        }

        @Test
        void should_derive_Ready_from_the_same_ContainersReady() {
            PodSpec spec = pod("Always", List.of(sidecar("side")), "app");
            var statuses = Statuses.of(running("side"), readyRunning("app"));

            List<PodCondition> conditions = PodConditions.kubeletOwned(spec, statuses, PodPhase.Running, true, Map.of());

            PodCondition expected = PodCondition.isFalse(ConditionType.ContainersReady, CONTAINERS_NOT_READY,
                    "containers with unready status: [side]");
            assertThat(conditions.get(3)).isEqualTo(expected);
            assertThat(conditions.get(2)).isEqualTo(PodCondition.isFalse(ConditionType.Ready, CONTAINERS_NOT_READY,
                    "containers with unready status: [side]"));
        }
    }

    @Nested
    class ForcedForTerminalPhase {
        // status_manager.go mergePodStatus, issue 108594

        @ParameterizedTest(name = "{0} -> reason {1}")
        @CsvSource({"Succeeded, PodCompleted", "Failed, PodFailed"})
        void should_force_Ready_and_ContainersReady_False_when_either_is_True(PodPhase phase, String reason) {
            // GIVEN readiness still True from before the containers stopped
            List<PodCondition> conditions = List.of(
                    PodCondition.isTrue(ConditionType.Initialized),
                    PodCondition.isTrue(ConditionType.Ready),
                    PodCondition.isFalse(ConditionType.ContainersReady, CONTAINERS_NOT_READY, "x"));
            // WHEN
            List<PodCondition> forced = PodConditions.forcedForTerminalPhase(conditions, phase);
            // THEN both are replaced in place, other conditions untouched
            assertThat(forced).containsExactly(
                    PodCondition.isTrue(ConditionType.Initialized),
                    PodCondition.isFalse(ConditionType.Ready, reason, ""),
                    PodCondition.isFalse(ConditionType.ContainersReady, reason, ""));
        }

        @Test
        void should_leave_False_readiness_as_it_is() {
            List<PodCondition> conditions = List.of(
                    PodCondition.isFalse(ConditionType.Ready, CONTAINERS_NOT_READY, "containers with unknown status: [a]"),
                    PodCondition.isFalse(ConditionType.ContainersReady, CONTAINERS_NOT_READY,
                            "containers with unknown status: [a]"));

            assertThat(PodConditions.forcedForTerminalPhase(conditions, PodPhase.Succeeded)).isEqualTo(conditions);
        }

        @Test
        void should_not_touch_a_non_terminal_phase() {
            List<PodCondition> conditions = List.of(PodCondition.isTrue(ConditionType.Ready),
                    PodCondition.isTrue(ConditionType.ContainersReady));

            assertThat(PodConditions.forcedForTerminalPhase(conditions, PodPhase.Running)).isEqualTo(conditions);
        }

        @Test
        void should_append_a_missing_readiness_condition() {
            List<PodCondition> forced = PodConditions.forcedForTerminalPhase(
                    List.of(PodCondition.isTrue(ConditionType.Ready)), PodPhase.Failed);

            assertThat(forced).containsExactly(
                    PodCondition.isFalse(ConditionType.Ready, POD_FAILED, ""),
                    PodCondition.isFalse(ConditionType.ContainersReady, POD_FAILED, ""));
        }

        @Test
        void should_give_a_Succeeded_pod_PodCompleted_readiness_end_to_end() {
            // GIVEN a Never pod whose only container exited 0, the kubelet having decided it is done
            PodSpec spec = pod("Never", List.of(), "app");
            var statuses = Statuses.of(succeeded("app"));
            PodPhase phase = PodPhases.phase(spec, statuses, true);
            // WHEN
            List<PodCondition> conditions = PodConditions.forcedForTerminalPhase(
                    PodConditions.kubeletOwned(spec, statuses, phase, false, Map.of()), phase);
            // THEN generation already yields PodCompleted; the override has nothing left to force
            assertThat(phase).isEqualTo(PodPhase.Succeeded);
            assertThat(conditions).contains(
                    PodCondition.isFalse(ConditionType.Ready, POD_COMPLETED, ""),
                    PodCondition.isFalse(ConditionType.ContainersReady, POD_COMPLETED, ""),
                    new PodCondition(ConditionType.Initialized, true, POD_COMPLETED, ""));
        }
    }
}
