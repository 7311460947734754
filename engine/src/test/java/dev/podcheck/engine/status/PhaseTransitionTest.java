package dev.podcheck.engine.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.trace.PodPhase;
import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** What happens to a computed phase before it reaches the API (SEMANTICS ST-6, SM-3). */
class PhaseTransitionTest {

    @Nested
    class TerminalIsSticky {
        // kubelet_pods.go generateAPIPodStatus: a terminal cached/API phase overrides, and an
        // "illegal phase transition" out of a terminal phase is forced back.

        @ParameterizedTest(name = "{0} stays {0} when {1} is computed")
        @CsvSource({"Succeeded, Running", "Succeeded, Pending", "Succeeded, Failed",
                "Failed, Running", "Failed, Pending", "Failed, Succeeded"})
        void should_keep_a_terminal_phase_whatever_is_computed(PodPhase previous, PodPhase computed) {
            assertThat(PodPhases.next(previous, computed)).isEqualTo(previous);
        }

        @ParameterizedTest(name = "from {0}")
        @EnumSource(value = PodPhase.class, names = {"Pending", "Running"})
        void should_take_the_computed_phase_from_a_non_terminal_one(PodPhase previous) {
            for (PodPhase computed : EnumSet.of(PodPhase.Pending, PodPhase.Running, PodPhase.Succeeded, PodPhase.Failed)) {
                assertThat(PodPhases.next(previous, computed)).as("computed %s", computed).isEqualTo(computed);
            }
        }

        @Test
        void should_take_the_computed_phase_before_the_first_status() {
            assertThat(PodPhases.next(null, PodPhase.Running)).isEqualTo(PodPhase.Running);
        }
    }

    @Nested
    class HeldBackWhileContainersCouldRun {
        // status_manager.go mergePodStatus: transitioningToTerminalPhase && couldHaveRunningContainers

        @ParameterizedTest(name = "{0} -> {1} is written as {0}")
        @CsvSource({"Running, Succeeded", "Running, Failed", "Pending, Failed"})
        void should_keep_the_API_phase_while_a_container_could_still_run(PodPhase api, PodPhase proposed) {
            assertThat(PodPhases.merged(api, proposed, true)).isEqualTo(api);
        }

        @Test
        void should_write_the_terminal_phase_once_no_container_can_run() {
            assertThat(PodPhases.merged(PodPhase.Running, PodPhase.Succeeded, false)).isEqualTo(PodPhase.Succeeded);
        }

        @Test
        void should_let_non_terminal_phases_through_while_containers_run() {
            assertThat(PodPhases.merged(PodPhase.Pending, PodPhase.Running, true)).isEqualTo(PodPhase.Running);
            assertThat(PodPhases.merged(PodPhase.Running, PodPhase.Pending, true)).isEqualTo(PodPhase.Pending);
        }

        @Test
        void should_not_hold_back_a_phase_that_is_already_terminal_on_the_API() {
            assertThat(PodPhases.merged(PodPhase.Failed, PodPhase.Failed, true)).isEqualTo(PodPhase.Failed);
        }

        @Test
        void should_hold_back_to_Pending_when_the_API_has_no_phase_yet() {
            assertThat(PodPhases.merged(null, PodPhase.Failed, true)).isEqualTo(PodPhase.Pending);
        }
    }
}
