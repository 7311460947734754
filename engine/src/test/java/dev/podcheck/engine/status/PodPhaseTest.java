package dev.podcheck.engine.status;

import static dev.podcheck.engine.status.Statuses.backOffAfterSuccess;
import static dev.podcheck.engine.status.Statuses.crashLoop;
import static dev.podcheck.engine.status.Statuses.failed;
import static dev.podcheck.engine.status.Statuses.pod;
import static dev.podcheck.engine.status.Statuses.regular;
import static dev.podcheck.engine.status.Statuses.running;
import static dev.podcheck.engine.status.Statuses.sidecar;
import static dev.podcheck.engine.status.Statuses.started;
import static dev.podcheck.engine.status.Statuses.succeeded;
import static dev.podcheck.engine.status.Statuses.terminated;
import static dev.podcheck.engine.status.Statuses.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.PodPhase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pinned getPhase behaviours beyond the kubelet tables (SEMANTICS ST-5, R-4). */
class PodPhaseTest {

    @Nested
    class Sidecars {
        // A Job-style pod: the sidecar keeps running after the main container is done, until the
        // kubelet stops it (R-4, computePodActions); getPhase counts the running sidecar.

        @ParameterizedTest(name = "restartPolicy {0}, podIsTerminal {1}")
        @CsvSource({"Never, false", "Never, true", "OnFailure, false", "OnFailure, true", "Always, true"})
        void should_stay_Running_while_a_sidecar_runs_after_the_regular_containers_completed(String policy,
                                                                                            boolean terminal) {
            // GIVEN a started sidecar and a main container that exited 0
            PodSpec spec = pod(policy, List.of(sidecar("side")), "main");
            // WHEN the phase is computed, whether or not the kubelet has decided the pod is done
            PodPhase phase = PodPhases.phase(spec, Statuses.of(started("side"), succeeded("main")), terminal);
            // THEN the running sidecar keeps it Running
            assertThat(phase).isEqualTo(PodPhase.Running);
        }

        @ParameterizedTest(name = "restartPolicy {0}")
        @ValueSource(strings = {"Never", "OnFailure"})
        void should_be_Succeeded_once_the_sidecar_is_stopped_even_by_SIGTERM(String policy) {
            // GIVEN the kubelet stopped the sidecar (exit 143) after the main container succeeded
            PodSpec spec = pod(policy, List.of(sidecar("side")), "main");
            // WHEN
            PodPhase phase = PodPhases.phase(spec, Statuses.of(terminated("side", 143), succeeded("main")), false);
            // THEN a stopped sidecar's exit code does not count
            assertThat(phase).isEqualTo(PodPhase.Succeeded);
        }

        @Test
        void should_be_Running_under_Always_until_the_kubelet_decides_the_pod_is_terminal() {
            PodSpec spec = pod("Always", List.of(sidecar("side")), "main");
            var statuses = Statuses.of(terminated("side", 143), succeeded("main"));

            assertThat(PodPhases.phase(spec, statuses, false)).isEqualTo(PodPhase.Running);
            assertThat(PodPhases.phase(spec, statuses, true)).isEqualTo(PodPhase.Succeeded);
        }

        @Test
        void should_be_Running_while_a_sidecar_restarts_after_regular_containers_started() {
            // GIVEN the sidecar was restarted and its startup probe has not passed yet
            PodSpec spec = pod("Always", List.of(sidecar("side")), "main");
            // WHEN
            PodPhase phase = PodPhases.phase(spec, Statuses.of(running("side"), running("main")), false);
            // THEN the pod is not sent back to Pending
            assertThat(phase).isEqualTo(PodPhase.Running);
        }

        @Test
        void should_be_Pending_while_a_sidecar_has_not_started_before_any_regular_container_ran() {
            PodSpec spec = pod("Always", List.of(sidecar("side")), "main");

            PodPhase phase = PodPhases.phase(spec, Statuses.of(running("side"), waiting("main")), false);

            assertThat(phase).isEqualTo(PodPhase.Pending);
        }

        @Test
        void should_be_Running_when_a_sidecar_restarts_while_the_only_regular_container_is_in_back_off() {
            // GIVEN a restarted, not yet started sidecar and a crash-looping main container
            PodSpec spec = pod("Always", List.of(sidecar("side")), "main");
            // WHEN
            PodPhase phase = PodPhases.phase(spec, Statuses.of(running("side"), crashLoop("main")), false);
            // THEN v1.33+ (podHasInitialized) says Running; the v1.31 rule
            // (HasAnyRegularContainerStarted: Running or Terminated only) said Pending
            assertThat(phase).isEqualTo(PodPhase.Running);
        }
    }

    @Nested
    class CrashLoopBackOff {

        @Test
        void should_count_a_back_off_after_exit_0_as_stopped_but_not_succeeded() {
            // GIVEN an OnFailure pod: one container succeeded, one waits to restart after an exit 0
            PodSpec spec = pod("OnFailure", List.of(), "a", "b");
            var statuses = Statuses.of(succeeded("a"), backOffAfterSuccess("b"));
            // WHEN / THEN stopped (2) != succeeded (1): Running, and Failed once the pod is terminal
            assertThat(PodPhases.phase(spec, statuses, false)).isEqualTo(PodPhase.Running);
            assertThat(PodPhases.phase(spec, statuses, true)).isEqualTo(PodPhase.Failed);
        }

        @Test
        void should_be_Running_under_Always_when_every_container_is_in_back_off() {
            PodSpec spec = pod("Always", List.of(), "a");

            assertThat(PodPhases.phase(spec, Statuses.of(crashLoop("a")), false)).isEqualTo(PodPhase.Running);
        }
    }

    @Nested
    class InitFailure {

        @ParameterizedTest(name = "restartPolicy {0} -> {1}")
        @CsvSource({"Never, Failed", "OnFailure, Pending", "Always, Pending"})
        void should_fail_the_pod_only_under_Never(String policy, PodPhase expected) {
            // GIVEN a regular init container that exited 1
            PodSpec spec = pod(policy, List.of(regular("init")), "main");
            // WHEN
            PodPhase phase = PodPhases.phase(spec, Statuses.of(terminated("init", 1), waiting("main")), false);
            // THEN
            assertThat(phase).isEqualTo(expected);
        }

        @ParameterizedTest(name = "restartPolicy {0} -> {1}")
        @CsvSource({"Never, Failed", "OnFailure, Pending"})
        void should_treat_a_back_off_after_an_init_failure_as_a_failure(String policy, PodPhase expected) {
            PodSpec spec = pod(policy, List.of(regular("init")), "main");

            PodPhase phase = PodPhases.phase(spec, Statuses.of(crashLoop("init"), waiting("main")), false);

            assertThat(phase).isEqualTo(expected);
        }

        @Test
        void should_never_fail_the_pod_for_a_failed_sidecar() {
            PodSpec spec = pod("Never", List.of(sidecar("side")), "main");

            PodPhase phase = PodPhases.phase(spec, Statuses.of(failed("side"), waiting("main")), false);

            assertThat(phase).isEqualTo(PodPhase.Pending);
        }
    }

    @Nested
    class MissingStatuses {

        @Test
        void should_be_Pending_while_a_regular_container_has_no_status_entry() {
            // GIVEN one running container and one with no entry in the map (unknown)
            PodSpec spec = pod("Never", List.of(), "a", "b");
            // WHEN / THEN unknown > 0 rules out Running, and also the all-stopped branch
            assertThat(PodPhases.phase(spec, Statuses.of(running("a")), false)).isEqualTo(PodPhase.Pending);
            assertThat(PodPhases.phase(spec, Statuses.of(succeeded("a")), true)).isEqualTo(PodPhase.Pending);
        }

        @Test
        void should_be_Pending_for_a_regular_init_container_without_status_even_after_containers_ran() {
            // v1.33+: a pending regular init container always means Pending
            PodSpec spec = pod("Always", List.of(regular("init")), "main");

            assertThat(PodPhases.phase(spec, Statuses.of(running("main")), false)).isEqualTo(PodPhase.Pending);
        }

        @Test
        void should_ignore_statuses_of_containers_not_in_the_spec() {
            PodSpec spec = pod("Never", List.of(), "a");

            PodPhase phase = PodPhases.phase(spec, Statuses.of(succeeded("a"), running("ghost")), false);

            assertThat(phase).isEqualTo(PodPhase.Succeeded);
        }
    }

    @Nested
    class HasInitialized {

        @Test
        void should_be_true_once_a_regular_container_ran_in_any_way() {
            PodSpec spec = pod("Always", List.of(regular("init")), "main");

            assertThat(PodPhases.hasInitialized(spec, Statuses.of(running("main")))).isTrue();
            assertThat(PodPhases.hasInitialized(spec, Statuses.of(failed("main")))).isTrue();
            assertThat(PodPhases.hasInitialized(spec, Statuses.of(crashLoop("main")))).isTrue();
        }

        @Test
        void should_be_false_before_any_regular_container_ran() {
            PodSpec spec = pod("Always", List.of(regular("init")), "main");

            assertThat(PodPhases.hasInitialized(spec, Map.of())).isFalse();
            assertThat(PodPhases.hasInitialized(spec, Statuses.of(waiting("main")))).isFalse();
            assertThat(PodPhases.hasInitialized(spec, Statuses.of(succeeded("init")))).isFalse();
        }
    }
}
