package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e_node/container_lifecycle_test.go ("Containers Lifecycle") for pods with
 * restartable init containers (sidecars). Split from {@link ContainerLifecycleE2eTest} by concern,
 * to keep each file readable.
 */
class SidecarLifecycleE2eTest {

    static final String SIDECARS_1_2_3 = """
              initContainers:
              - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always%1$s}
              - {name: restartable-init-2, image: busybox:1.36, restartPolicy: Always%1$s}
              - {name: restartable-init-3, image: busybox:1.36, restartPolicy: Always%1$s}
              containers:
              - {name: regular-1, image: busybox:1.36}
            """;

    static Object terminated(Simulations sim, String container) {
        ContainerState.Terminated t = (ContainerState.Terminated) sim.lastStatus(container).state();
        return tuple(t.exitCode(), t.reason());
    }

    @Nested
    class Start {
        @Test
        void should_interleave_init_and_restartable_init_containers_and_succeed_under_Never() {
            // Ordered block "using a Pod with restartPolicy=Never, three init container and two restartable init
            // containers" (8 Its) — S-4, S-5, S-6, R-4, ST-5
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: restartable-init-containers-start-serially
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1: {exit: {after: 600s, code: 0}}
                            restartable-init-2: {exit: {after: 600s, code: 0}}
                            regular-1: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      - {name: init-2, image: busybox:1.36}
                      - {name: restartable-init-2, image: busybox:1.36, restartPolicy: Always}
                      - {name: init-3, image: busybox:1.36}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);
            ContainerRuns r = ContainerRuns.of(sim);

            assertThat(r.startsBefore("init-1", "restartable-init-1") && r.exitsBefore("init-1", "restartable-init-1"))
                    .as("init-1 completes before restartable-init-1\n" + sim.log()).isTrue();
            assertThat(r.startsBefore("restartable-init-1", "init-2") && r.runTogether("restartable-init-1", "init-2"))
                    .as("init-2 runs beside restartable-init-1\n" + sim.log()).isTrue();
            assertThat(r.startsBefore("init-2", "restartable-init-2") && r.exitsBefore("init-2", "restartable-init-2"))
                    .as(sim.log()).isTrue();
            assertThat(r.startsBefore("restartable-init-2", "init-3")).as(sim.log()).isTrue();
            assertThat(r.runTogether("restartable-init-1", "init-3") && r.runTogether("restartable-init-2", "init-3")
                    && r.runTogether("restartable-init-1", "restartable-init-2")).as(sim.log()).isTrue();
            assertThat(r.startsBefore("init-3", "regular-1") && r.exitsBefore("init-3", "regular-1")).as(sim.log()).isTrue();
            assertThat(r.runTogether("restartable-init-1", "regular-1") && r.runTogether("restartable-init-2", "regular-1"))
                    .as(sim.log()).isTrue();
            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
            assertThat(sim.phaseChange(PodPhase.Succeeded).orElseThrow().at()).isLessThanOrEqualTo(300_000L);
        }

        @Test
        void should_launch_restartable_init_containers_serially_considering_the_startup_probe() {
            // It("should launch restartable init containers serially considering the startup probe") — S-5, P-11
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: restartable-init-containers-start-serially
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1: {startup: [{from: 10s}], exit: {after: 610s, code: 0}}
                            restartable-init-2: {startup: [{from: 10s}], exit: {after: 610s, code: 0}}
                            regular-1: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - name: restartable-init-1
                        image: busybox:1.36
                        restartPolicy: Always
                        startupProbe: {exec: {command: ["true"]}}
                      - name: restartable-init-2
                        image: busybox:1.36
                        restartPolicy: Always
                        startupProbe: {exec: {command: ["true"]}}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);

            // THEN with the default 10 s period each startup probe passes at its tick 10 s after the start
            assertThat(sim.starts("restartable-init-1")).as(sim.log()).containsExactly(0L);
            assertThat(sim.starts("restartable-init-2")).as(sim.log()).containsExactly(10_000L);
            assertThat(sim.starts("regular-1")).as(sim.log()).containsExactly(20_000L);
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Succeeded);
        }

        @Test
        void should_not_start_restartable_init_container_after_a_failed_init_container_under_Never() {
            // "an Init container before restartable init container fails" / It("should mark a Pod as failed and
            // produce log", "should mark an Init container as failed", "should not start restartable init container") — S-9
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: init-fails-before-sidecar
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 1s, code: 1}}
                            restartable-init-1: {exit: {after: 600s, code: 0}}
                            regular-1: {exit: {after: 600s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Failed);
            assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isLessThanOrEqualTo(60_000L);
            assertThat(sim.starts("init-1")).hasSize(1);
            assertThat(terminated(sim, "init-1")).isEqualTo(tuple(1, "Error"));
            assertThat(sim.starts("restartable-init-1")).isEmpty();
        }

        @Test
        void should_keep_the_pod_Pending_while_an_init_container_before_the_sidecar_continuously_fails() {
            // "an Init container before restartable init container continuously fails" (restartPolicy=Always) /
            // It("should continuously run Pod keeping it Pending", "should have Init container restartCount greater
            // than 0", "should not start restartable init container") — S-9, ST-5 rule 2
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: init-keeps-failing-before-sidecar
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 1s, code: 1}}
                    spec:
                      restartPolicy: Always
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """, Duration.ofMinutes(5));

            assertThat(sim.phases()).as(sim.log()).containsExactly(PodPhase.Pending);
            assertThat(sim.lastStatus("init-1").restartCount()).isGreaterThanOrEqualTo(3);
            assertThat(sim.starts("restartable-init-1")).isEmpty();
        }

        @Test
        void should_run_the_sidecar_and_a_failed_init_container_in_parallel_under_Never() {
            // "an Init container after restartable init container fails" (restartPolicy=Never) — S-5, S-8, S-9
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: init-fails-after-sidecar
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1: {exit: {after: 5s, code: 1}}
                            init-1: {exit: {after: 1s, code: 1}}
                            regular-1: {exit: {after: 600s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      - {name: init-1, image: busybox:1.36}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Failed);
            assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isLessThanOrEqualTo(60_000L);
            assertThat(sim.exits("init-1")).isNotEmpty();
            assertThat(ContainerRuns.of(sim).runTogether("restartable-init-1", "init-1")).as(sim.log()).isTrue();
            assertThat(sim.starts("regular-1")).isEmpty();
        }
    }

    @Nested
    class Restarts {
        @Test
        void should_complete_a_Pod_without_restarting_a_running_restartable_init_container_under_Never() {
            // "a restartable init container runs continuously" (restartPolicy=Never) / It("should complete a Pod
            // successfully and produce log", "should not restart a restartable init container", "should run a
            // regular container to completion") — R-4, S-8, T-8
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: restartable-init-runs-continuously
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1: {exit: {after: 600s, code: 0}}
                            regular-1: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
            assertThat(sim.starts("restartable-init-1")).hasSize(1);
            assertThat(terminated(sim, "regular-1")).isEqualTo(tuple(0, "Completed"));
        }

        @Test
        void should_keep_running_a_Pod_and_restart_only_the_regular_container_under_Always() {
            // "a restartable init container runs continuously" (restartPolicy=Always) / It("should keep running a Pod
            // continuously and produce log", "should not restart a restartable init container") — S-8, R-1
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: restartable-init-runs-continuously-always
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1: {exit: {after: 600s, code: 0}}
                            regular-1: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Always
                      initContainers:
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """, Duration.ofMinutes(2));

            assertThat(sim.lastStatus("regular-1").restartCount()).as(sim.log()).isGreaterThanOrEqualTo(2);
            assertThat(sim.starts("restartable-init-1")).as(sim.log()).hasSize(1);
        }

        @Test
        void should_complete_a_Pod_although_its_restartable_init_container_exits_1_continuously() {
            // "a restartable init container starts and exits with exit code 1 continuously" (restartPolicy=Never) /
            // It("should complete a Pod successfully and produce log", "should restart a restartable init container
            // before/after the regular container started") — S-8, R-4, ST-5
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: restartable-init-container-exit-1-continuously
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1: {exit: {after: 5s, code: 1}}
                            init-1: {exit: {after: 5s, code: 0}}
                            regular-1: {exit: {after: 60s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: restartable-init-1, image: busybox:1.36, restartPolicy: Always}
                      - {name: init-1, image: busybox:1.36}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);
            long regularStart = sim.starts("regular-1").get(0);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
            assertThat(sim.phaseChange(PodPhase.Succeeded).orElseThrow().at()).isLessThanOrEqualTo(300_000L);
            List<Long> sidecarStarts = sim.starts("restartable-init-1");
            assertThat(sidecarStarts.get(0)).as(sim.log()).isLessThan(regularStart);
            assertThat(sidecarStarts).as(sim.log()).anyMatch(s -> s > regularStart);
            assertThat(sim.exits("regular-1")).isNotEmpty();
        }

        @Test
        void should_call_preStop_and_not_launch_next_container_if_the_sidecar_startup_probe_fails() {
            // It("should call the container's preStop hook and not launch next container if the restartable init
            // container's startup probe fails") — S-5, P-9, T-7
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: sidecar-startup-fails
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1:
                              startup: never
                              preStop: {takes: 1s}
                              onSigterm: {exitAfter: 15s, code: 0}
                              exit: {after: 600s, code: 0}
                    spec:
                      restartPolicy: Always
                      initContainers:
                      - name: restartable-init-1
                        image: busybox:1.36
                        restartPolicy: Always
                        startupProbe: {exec: {command: ["false"]}, initialDelaySeconds: 5, failureThreshold: 1}
                        lifecycle: {preStop: {exec: {command: ["true"]}}}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """, Duration.ofMinutes(2));
            ContainerRuns r = ContainerRuns.of(sim);

            assertThat(sim.lastStatus("restartable-init-1").restartCount()).as(sim.log()).isGreaterThanOrEqualTo(2);
            assertThat(sim.phases()).containsExactly(PodPhase.Pending);
            assertThat(r.hookRuns("restartable-init-1", Hook.preStop).get(0).overlaps(r.runs("restartable-init-1").get(0)))
                    .as(sim.log()).isTrue();
            assertThat(sim.starts("regular-1")).isEmpty();
        }

        @Test
        void should_call_preStop_and_start_the_next_container_if_the_sidecar_liveness_probe_fails() {
            // It("should call the container's preStop hook and start the next container if the restartable init
            // container's liveness probe fails") — S-5 (liveness gates nothing), P-8, S-8
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: sidecar-liveness-fails
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            restartable-init-1:
                              liveness: never
                              preStop: {takes: 1s}
                              onSigterm: {exitAfter: 15s, code: 0}
                              exit: {after: 600s, code: 0}
                            regular-1: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Always
                      initContainers:
                      - name: restartable-init-1
                        image: busybox:1.36
                        restartPolicy: Always
                        livenessProbe: {exec: {command: ["false"]}, initialDelaySeconds: 5, failureThreshold: 1}
                        lifecycle: {preStop: {exec: {command: ["true"]}}}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """, Duration.ofMinutes(2));
            ContainerRuns r = ContainerRuns.of(sim);

            assertThat(sim.lastStatus("restartable-init-1").restartCount()).as(sim.log()).isGreaterThanOrEqualTo(2);
            assertThat(sim.lastStatus("regular-1").restartCount()).as(sim.log()).isGreaterThanOrEqualTo(1);
            assertThat(r.hookRuns("restartable-init-1", Hook.preStop).get(0).overlaps(r.runs("restartable-init-1").get(0)))
                    .as(sim.log()).isTrue();
            assertThat(sim.starts("regular-1").get(0)).isEqualTo(0L);
        }
    }
}
