package dev.podcheck.engine.e2e;

import static dev.podcheck.engine.e2e.SidecarLifecycleE2eTest.SIDECARS_1_2_3;
import static dev.podcheck.engine.e2e.SidecarLifecycleE2eTest.terminated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e_node/container_lifecycle_test.go ("Containers Lifecycle") for the
 * termination of pods with restartable init containers (sidecars): split from
 * {@link SidecarLifecycleE2eTest} by concern, to keep each file readable.
 */
class SidecarTerminationE2eTest {
    @Test
    void should_terminate_sidecars_in_reverse_order_after_all_main_containers_have_exited() {
        // It("should terminate sidecars in reverse order after all main containers have exited") — T-8, R-4, T-10
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: serialize-termination
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        restartable-init-1: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}}
                        restartable-init-2: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}}
                        restartable-init-3: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}}
                        regular-1: {exit: {after: 5s, code: 0}}
                spec:
                  restartPolicy: Never
                """ + SIDECARS_1_2_3.formatted(""));

        // THEN regular-1 exits at 5 s; each sidecar's SIGTERM waits for the one after it: 10, 15, 20 s
        assertThat(sim.exits("regular-1")).as(sim.log()).containsExactly(5_000L);
        assertThat(sim.exits("restartable-init-3")).as(sim.log()).containsExactly(10_000L);
        assertThat(sim.exits("restartable-init-2")).as(sim.log()).containsExactly(15_000L);
        assertThat(sim.exits("restartable-init-1")).as(sim.log()).containsExactly(20_000L);
        for (String sidecar : List.of("restartable-init-1", "restartable-init-2", "restartable-init-3")) {
            assertThat(terminated(sim, sidecar)).as(sidecar).isEqualTo(tuple(0, "Completed"));
        }
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Succeeded);
    }

    @Test
    void should_terminate_sidecars_simultaneously_if_preStop_does_not_exit() {
        // It("should terminate sidecars simultaneously if prestop doesn't exit") — T-7, T-8, DISC-7
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: serialize-termination-prestop-hang
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        restartable-init-1: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}, preStop: {takes: 100000s}}
                        restartable-init-2: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}, preStop: {takes: 100000s}}
                        restartable-init-3: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}, preStop: {takes: 100000s}}
                        regular-1: {exit: {after: 5s, code: 0}}
                spec:
                  restartPolicy: Never
                """ + SIDECARS_1_2_3.formatted(", lifecycle: {preStop: {exec: {command: [\"true\"]}}}"));

        // THEN all three preStops start when regular-1 exits and end with the SIGKILL 30 + 2 s later
        assertThat(sim.trace().all(TraceEvent.HookStarted.class).map(TraceEvent::at))
                .as(sim.log()).containsExactly(5_000L, 5_000L, 5_000L);
        for (String sidecar : List.of("restartable-init-1", "restartable-init-2", "restartable-init-3")) {
            assertThat(sim.exits(sidecar)).as(sim.log()).containsExactly(37_000L);
            assertThat(terminated(sim, sidecar)).as(sidecar).isEqualTo(tuple(137, "Error"));
        }
    }

    @Test
    void should_call_sidecar_container_preStop_hook_simultaneously() {
        // It("should call sidecar container PreStop hook simultaneously") — T-8, DISC-7
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: serialize-termination-simul-prestop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        restartable-init-1: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}, preStop: {takes: 1s}}
                        restartable-init-2: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}, preStop: {takes: 1s}}
                        restartable-init-3: {exit: {after: 60s, code: 0}, onSigterm: {exitAfter: 5s, code: 0}, preStop: {takes: 1s}}
                        regular-1: {exit: {after: 5s, code: 0}}
                spec:
                  restartPolicy: Never
                """ + SIDECARS_1_2_3.formatted(", lifecycle: {preStop: {exec: {command: [\"true\"]}}}"));
        ContainerRuns r = ContainerRuns.of(sim);

        assertThat(sim.trace().all(TraceEvent.HookStarted.class).map(TraceEvent::at))
                .as(sim.log()).containsExactly(5_000L, 5_000L, 5_000L);
        assertThat(r.exitsBefore("regular-1", "restartable-init-3") && r.exitsBefore("restartable-init-3", "restartable-init-2")
                && r.exitsBefore("restartable-init-2", "restartable-init-1")).as(sim.log()).isTrue();
        for (String sidecar : List.of("restartable-init-1", "restartable-init-2", "restartable-init-3")) {
            assertThat(terminated(sim, sidecar)).as(sidecar).isEqualTo(tuple(0, "Completed"));
        }
    }

    @Test
    void should_not_hang_in_termination_if_terminated_during_initialization() {
        // It("should not hang in termination if terminated during initialization") — T-8, issue #135008
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: dont-hang-if-terminated-in-init
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        start-init: {exit: {after: 300s, code: 0}, onSigterm: {exitAfter: 0s, code: 0}}
                      events:
                      - deletePod: {at: 5s, gracePeriodSeconds: 3}
                spec:
                  restartPolicy: Never
                  initContainers:
                  - {name: start-init, image: busybox:1.36}
                  - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always, lifecycle: {preStop: {exec: {command: ["true"]}}}}
                  - {name: restartable-init-2, image: busybox:1.36, restartPolicy: Always, lifecycle: {preStop: {exec: {command: ["true"]}}}}
                  - {name: restartable-init-3, image: busybox:1.36, restartPolicy: Always, lifecycle: {preStop: {exec: {command: ["true"]}}}}
                  containers:
                  - {name: regular-1, image: busybox:1.36}
                """);

        for (String c : List.of("restartable-init-1", "restartable-init-2", "restartable-init-3", "regular-1")) {
            assertThat(sim.starts(c)).as(c + "\n" + sim.log()).isEmpty();
        }
        assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at).findFirst().orElseThrow())
                .as(sim.log()).isLessThan(5_000L + 6_000L);
    }

    @Test
    void should_mark_pod_as_succeeded_if_a_restartable_init_container_terminated_with_non_zero_exit_code() {
        // It("should mark pod as succeeded if any of the restartable init containers have terminated with non-zero
        // exit code") — T-10, ST-4
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: restartable-init-terminated-with-non-zero-exit-code
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        restartable-init-1: {onSigterm: {exitAfter: 1s, code: 0}}
                        restartable-init-2: {onSigterm: {exitAfter: 1s, code: 1}}
                        restartable-init-3: {onSigterm: {exitAfter: 1s, code: 0}}
                        regular-1: {onSigterm: {exitAfter: 1s, code: 0}}
                      events:
                      - deletePod: {at: 20s, gracePeriodSeconds: 30}
                spec:
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 30
                """ + SIDECARS_1_2_3.formatted(""));

        assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
        assertThat(terminated(sim, "regular-1")).isEqualTo(tuple(0, "Completed"));
        assertThat(terminated(sim, "restartable-init-1")).isEqualTo(tuple(0, "Completed"));
        assertThat(terminated(sim, "restartable-init-2")).isEqualTo(tuple(1, "Error"));
        assertThat(terminated(sim, "restartable-init-3")).isEqualTo(tuple(0, "Completed"));
    }

    @Test
    void should_mark_pod_as_failed_if_regular_container_has_exceeded_its_termination_grace_period() {
        // It("should mark pod as failed if regular container has exceeded its termination grace period seconds")
        // — T-6, T-7 (2 s minimum), T-8, T-10
        Simulations sim = Simulations.run(graceScenario("20s", "20s", "1s", "20s"));

        assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Failed);
        assertThat(terminated(sim, "regular-1")).isEqualTo(tuple(137, "Error"));
        assertThat(terminated(sim, "restartable-init-1")).isEqualTo(tuple(137, "Error"));
        assertThat(terminated(sim, "restartable-init-2")).isEqualTo(tuple(0, "Completed"));
        assertThat(terminated(sim, "restartable-init-3")).isEqualTo(tuple(137, "Error"));
    }

    @Test
    void should_mark_pod_as_succeeded_if_a_restartable_init_container_has_exceeded_its_termination_grace_period() {
        // It("should mark pod as succeeded if any of the restartable init containers have exceeded its termination
        // grace period seconds") — T-10
        Simulations sim = Simulations.run(graceScenario("1s", "1s", "20s", "1s"));

        assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
        assertThat(terminated(sim, "regular-1")).isEqualTo(tuple(0, "Completed"));
        assertThat(terminated(sim, "restartable-init-1")).isEqualTo(tuple(0, "Completed"));
        assertThat(terminated(sim, "restartable-init-2")).isEqualTo(tuple(137, "Error"));
        assertThat(terminated(sim, "restartable-init-3")).isEqualTo(tuple(0, "Completed"));
    }

    private static String graceScenario(String regular, String side1, String side2, String side3) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: tgps-exceeded
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        regular-1: {onSigterm: {exitAfter: %s, code: 0}}
                        restartable-init-1: {onSigterm: {exitAfter: %s, code: 0}}
                        restartable-init-2: {onSigterm: {exitAfter: %s, code: 0}}
                        restartable-init-3: {onSigterm: {exitAfter: %s, code: 0}}
                      events:
                      - deletePod: {at: 20s, gracePeriodSeconds: 5}
                spec:
                  restartPolicy: Never
                  terminationGracePeriodSeconds: 5
                """.formatted(regular, side1, side2, side3) + SIDECARS_1_2_3.formatted("");
    }
}
