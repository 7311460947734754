package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e_node/container_lifecycle_test.go ("Containers Lifecycle") for pods
 * without sidecars; the sidecar half is {@link SidecarLifecycleE2eTest}. Each test names its Go
 * {@code It}; the e2e bounds are the outer limits, the engine's exact times are asserted where
 * they follow from SEMANTICS.
 */
class ContainerLifecycleE2eTest {

    @Nested
    class InitContainers {
        @Test
        void should_launch_init_container_serially_before_a_regular_container() {
            // It("should launch init container serially before a regular container") — S-4, S-6, ST-5
            // GIVEN three init containers of 1 s and an app whose startup probe passes from 5 s
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: initcontainer-test-pod
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 1s, code: 0}}
                            init-2: {exit: {after: 1s, code: 0}}
                            init-3: {exit: {after: 1s, code: 0}}
                            regular-1: {startup: [{from: 5s}], exit: {after: 6s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      - {name: init-2, image: busybox:1.36}
                      - {name: init-3, image: busybox:1.36}
                      containers:
                      - name: regular-1
                        image: busybox:1.36
                        startupProbe: {exec: {command: ["true"]}}
                    """);
            ContainerRuns runs = ContainerRuns.of(sim);

            // THEN each starts when the one before exited, and the pod Succeeds within the e2e minute
            assertThat(sim.starts("init-1")).as(sim.log()).containsExactly(0L);
            assertThat(sim.starts("init-2")).as(sim.log()).containsExactly(1_000L);
            assertThat(sim.starts("init-3")).as(sim.log()).containsExactly(2_000L);
            assertThat(sim.starts("regular-1")).as(sim.log()).containsExactly(3_000L);
            assertThat(runs.exitsBefore("init-1", "init-2") && runs.exitsBefore("init-2", "init-3")).as(sim.log()).isTrue();
            for (String init : new String[] {"init-1", "init-2", "init-3"}) {
                assertThat(sim.lastStatus(init).state()).as(init).isInstanceOfSatisfying(ContainerState.Terminated.class,
                        t -> assertThat(tuple(t.exitCode(), t.reason())).isEqualTo(tuple(0, "Completed")));
                assertThat(sim.lastStatus(init).restartCount()).isZero();
            }
            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
            assertThat(sim.phaseChange(PodPhase.Succeeded).orElseThrow().at()).isLessThanOrEqualTo(60_000L);
        }

        @Test
        void should_not_launch_regular_containers_if_an_init_container_fails() {
            // It("should not launch regular containers if an init container fails") — S-9, ST-5 rule 1
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: initcontainer-test-pod-failure
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 1s, code: 1}}
                            regular-1: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """);

            assertThat(sim.starts("init-1")).as(sim.log()).containsExactly(0L);
            assertThat(sim.lastStatus("init-1").restartCount()).isZero();
            assertThat(sim.starts("regular-1")).isEmpty();
            assertThat(sim.lastStatus("regular-1").state()).isEqualTo(ContainerState.waiting("PodInitializing"));
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Failed);
            assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isLessThanOrEqualTo(60_000L);
        }

        @Test
        void should_not_restart_init_containers_upon_regular_container_restart() {
            // It("shouldn't restart init containers upon regular container restart") — S-7, R-1
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: initcontainer-test-pod
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            regular-1: {exit: {after: 10s, code: 1}}
                    spec:
                      restartPolicy: Always
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      - {name: init-2, image: busybox:1.36}
                      - {name: init-3, image: busybox:1.36}
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """, Duration.ofMinutes(2));

            // THEN regular-1 reaches 3 restarts within the e2e's 2 min while each init ran once
            assertThat(sim.lastStatus("regular-1").restartCount()).as(sim.log()).isGreaterThanOrEqualTo(3);
            assertThat(ContainerRuns.of(sim).runsOneAfterAnother("regular-1")).as(sim.log()).isTrue();
            for (String init : new String[] {"init-1", "init-2", "init-3"}) {
                assertThat(sim.starts(init)).as(init + "\n" + sim.log()).hasSize(1);
            }
            assertThat(ContainerRuns.of(sim).exitsBefore("init-3", "regular-1")).isTrue();
        }
    }

    @Nested
    class PostStart {
        @Test
        void should_run_init_container_to_completion_before_postStart_of_regular_container() {
            // It("should run Init container to completion before call to PostStart of regular container") — S-3, S-6
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: initcontainer-test-pod-with-post-start
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 1s, code: 0}}
                            regular-1: {postStart: {takes: 1s}, exit: {after: 10s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      containers:
                      - name: regular-1
                        image: busybox:1.36
                        lifecycle: {postStart: {exec: {command: ["true"]}}}
                    """);
            ContainerRuns runs = ContainerRuns.of(sim);

            ContainerRuns.Run postStart = runs.hookRuns("regular-1", Hook.postStart).get(0);
            assertThat(runs.runs("init-1").get(0).end()).as(sim.log()).isLessThanOrEqualTo(postStart.start());
            assertThat(postStart.overlaps(runs.runs("regular-1").get(0))).as(sim.log()).isTrue();
            assertThat(postStart.start()).isGreaterThanOrEqualTo(runs.runs("regular-1").get(0).start());
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Succeeded);
        }

        @Test
        void should_not_launch_second_container_before_postStart_of_the_first_container_completed() {
            // It("should not launch second container before PostStart of the first container completed") — S-3a
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: post-start-blocks-second-container
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            regular-1: {postStart: {takes: 1s}, exit: {after: 10s, code: 0}}
                            regular-2: {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: Never
                      containers:
                      - name: regular-1
                        image: busybox:1.36
                        lifecycle: {postStart: {exec: {command: ["true"]}}}
                      - {name: regular-2, image: busybox:1.36}
                    """);
            ContainerRuns runs = ContainerRuns.of(sim);

            ContainerRuns.Run postStart = runs.hookRuns("regular-1", Hook.postStart).get(0);
            assertThat(postStart).as(sim.log()).isEqualTo(new ContainerRuns.Run(0, 1_000));
            assertThat(sim.starts("regular-2")).as(sim.log()).containsExactly(1_000L);
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Succeeded);
        }
    }

    @Nested
    class Restarts {
        @Test
        void should_restart_failing_container_when_pod_restartPolicy_is_Always() {
            // It("should restart failing container when pod restartPolicy is Always") —
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: container-must-be-restarted
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            regular-1: {exit: {after: 1s, code: 1}}
                    spec:
                      restartPolicy: Always
                      containers:
                      - {name: regular-1, image: busybox:1.36}
                    """, Duration.ofMinutes(2));

            // THEN back-off 0, 10, 20 s after 1 s runs: the third restart starts at 1+1+10+1+20 = 33 s
            assertThat(sim.starts("regular-1")).as(sim.log()).startsWith(0L, 1_000L, 12_000L, 33_000L);
            assertThat(ContainerRuns.of(sim).runsOneAfterAnother("regular-1")).as(sim.log()).isTrue();
            assertThat(sim.phases()).containsExactly(PodPhase.Pending, PodPhase.Running);
        }
    }

    @Nested
    class GracePeriod {
        @Test
        void should_respect_termination_grace_period_seconds() {
            // It("should respect termination grace period seconds") — T-1, T-4, T-7
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: pod-termination-grace-period
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            regular1: {onSigterm: ignore}
                          events:
                          - deletePod: {at: 30s}
                    spec:
                      terminationGracePeriodSeconds: 30
                      containers:
                      - {name: regular1, image: busybox:1.36}
                    """);

            assertThat(sim.trace().all(TraceEvent.DeletionRequested.class).map(TraceEvent.DeletionRequested::deletionTimestamp))
                    .containsExactly(60_000L);
            assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                    .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal).as(sim.log())
                    .containsExactly(tuple(30_000L, Signal.SIGTERM), tuple(60_000L, Signal.SIGKILL));
            assertThat(((ContainerState.Terminated) sim.lastStatus("regular1").state()).exitCode()).isEqualTo(137);
            // e2e TIMING: gone within grace + 30 s of the delete
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at).findFirst().orElseThrow())
                    .isLessThanOrEqualTo(30_000L + 60_000L);
        }

        @Test
        void should_respect_termination_grace_period_seconds_with_long_running_preStop_hook() {
            // It("should respect termination grace period seconds with long-running preStop hook") — T-7 steps 2 and 4
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: pod-termination-grace-period-prestop
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            regular1: {onSigterm: ignore, preStop: {takes: 10000s}}
                          events:
                          - deletePod: {at: 30s}
                    spec:
                      terminationGracePeriodSeconds: 30
                      containers:
                      - name: regular1
                        image: busybox:1.36
                        lifecycle: {preStop: {exec: {command: ["true"]}}}
                    """);

            // THEN the preStop is cut at the grace, SIGTERM follows, SIGKILL 2 s later (the minimum)
            assertThat(sim.trace().all(TraceEvent.HookStarted.class).map(TraceEvent::at)).containsExactly(30_000L);
            assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                    .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal).as(sim.log())
                    .containsExactly(tuple(60_000L, Signal.SIGTERM), tuple(62_000L, Signal.SIGKILL));
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at).findFirst().orElseThrow())
                    .isLessThanOrEqualTo(30_000L + 60_000L);
        }
    }
}
