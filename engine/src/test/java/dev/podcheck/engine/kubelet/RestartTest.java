package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** restartPolicy, crash-loop back-off and restartCount (SEMANTICS ..R-9). */
class RestartTest {

    @Nested
    class Policy {
        @ParameterizedTest(name = "restartPolicy {0}, exit {1}: {2} runs, phase {3}")
        @CsvSource({
                "Always,    0, 3, Running",
                "Always,    1, 3, Running",
                "OnFailure, 0, 1, Succeeded",
                "OnFailure, 1, 3, Running",
                "Never,     0, 1, Succeeded",
                "Never,     1, 1, Failed"})
        void should_restart_a_regular_container_as_its_pod_restartPolicy_says(String policy, int exit, int runs,
                                                                            PodPhase phase) {
            Simulations sim = Simulations.run(RestartTestScenarios.crashing(policy, exit), Duration.ofSeconds(20));

            assertThat(sim.starts("app")).as(sim.log()).hasSize(runs);
            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(phase);
        }

        @Test
        void should_keep_restartCount_0_and_the_exit_code_under_Never() {
            ContainerStatus last = Simulations.run(RestartTestScenarios.crashing("Never", 3)).lastStatus("app");

            assertThat(last.restartCount()).isZero();
            assertThat(last.state()).isEqualTo(new ContainerState.Terminated(3, "Error", "", 0, 1000));
        }
    }

    @Nested
    class BackOff {
        @Test
        void should_restart_at_once_then_wait_10_20_40_80_160_and_at_most_300_seconds() {
            // GIVEN a container that exits 1 a second after each start
            Simulations sim = Simulations.run(RestartTestScenarios.crashing("Always", 1), Duration.ofMinutes(15));

            // THEN the gaps from each exit to the next start double from 10 s and stop at 300 s
            assertThat(sim.starts("app")).as(sim.log())
                    .containsExactly(0L, 1_000L, 12_000L, 33_000L, 74_000L, 155_000L, 316_000L, 617_000L);
        }

        @Test
        void should_show_CrashLoopBackOff_with_the_last_termination_while_waiting() {
            // GIVEN crashes after 1 s: restarted at once at 1 s, in back-off (10 s) after the exit at 2 s, retried and
            // started at 12 s, in back-off (20 s) after the exit at 13 s
            Simulations sim = Simulations.run(RestartTestScenarios.crashing("Always", 1), Duration.ofSeconds(30));

            ContainerStatus last = sim.lastStatus("app");
            assertThat(last.state()).isEqualTo(new ContainerState.Waiting("CrashLoopBackOff",
                    "back-off 20s restarting failed container=app pod=crasher_default"));
            assertThat(last.lastState()).isEqualTo(new ContainerState.Terminated(1, "Error", "", 12000, 13000));
            assertThat(last.restartCount()).isEqualTo(2);
        }

        /**
         * The reason cache is read when the next SyncPod generates the status, and a SyncPod that hit
         * back-off is retried after the pod worker's backOffPeriod (pod_workers.go completeWork): until then the
         * status shows the exit. Seen on a real kubelet 1.34: Terminated at the exit, the BackOff event at once,
         * Waiting CrashLoopBackOff only from the retry about 12 s later, just before the restart.
         */
        @Test
        void should_show_the_exit_until_the_next_sync_shows_CrashLoopBackOff() {
            Simulations sim = Simulations.run(RestartTestScenarios.crashing("Always", 1), Duration.ofSeconds(30));

            assertThat(sim.statusAt("app", 14_000).state()).isEqualTo(new ContainerState.Terminated(1, "Error", "", 12000, 13000));
            assertThat(sim.statusAt("app", 22_999).state()).isInstanceOf(ContainerState.Terminated.class);
            assertThat(sim.statusAt("app", 23_000).state()).isInstanceOf(ContainerState.Waiting.class);
        }

        @Test
        void should_reset_the_back_off_after_a_run_longer_than_ten_minutes() {
            // GIVEN two quick crashes, then a run of 700 s, then quick crashes again (R-7 expiry: 2 x 300 s)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: long-run
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            app:
                            - {times: 2, exit: {after: 1s, code: 1}}
                            - {exit: {after: 700s, code: 1}}
                            - {exit: {after: 1s, code: 1}}
                    spec:
                      containers:
                      - {name: app, image: busybox:1.36}
                    """, Duration.ofMinutes(13));

            assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 1_000L, 12_000L, 712_000L, 723_000L, 744_000L);
        }
    }
}
