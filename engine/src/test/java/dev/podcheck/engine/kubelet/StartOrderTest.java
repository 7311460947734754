package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Start order: init containers, sidecars, postStart, regular containers (SEMANTICS S-3..S-9). */
class StartOrderTest {

    @Nested
    class InitContainers {
        @Test
        void should_run_init_containers_one_at_a_time_before_the_app() {
            // GIVEN two regular init containers that each work for a second (the default) (S-4, S-6)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata: {name: init-order}
                    spec:
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      - {name: init-2, image: busybox:1.36}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            // THEN each starts when the one before exited 0, and the app only after both
            assertThat(sim.starts("init-1")).as(sim.log()).containsExactly(0L);
            assertThat(sim.starts("init-2")).as(sim.log()).containsExactly(1000L);
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(2000L);
            assertThat(sim.trace().all(TraceEvent.PodConditionChanged.class)
                    .filter(c -> c.condition().type() == ConditionType.Initialized && c.condition().status())
                    .findFirst().orElseThrow().at()).isEqualTo(2000L);
            assertThat(sim.phaseChange(PodPhase.Running).orElseThrow().at()).isEqualTo(2000L);
        }

        @Test
        void should_fail_the_pod_when_an_init_container_fails_under_restartPolicy_Never() {
            // GIVEN restartPolicy Never and an init container that exits 1 (S-9, ST-5 rule 1)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: init-fails
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 1s, code: 1}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Failed);
            assertThat(sim.starts("init-1")).containsExactly(0L);
            assertThat(sim.starts("app")).isEmpty();
            assertThat(sim.lastStatus("app").state()).isEqualTo(ContainerState.waiting("PodInitializing"));
        }

        @Test
        void should_retry_a_failed_init_container_with_back_off_under_OnFailure() {
            // GIVEN an init container that fails twice, then succeeds (S-9, R-6)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: init-retries
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1:
                            - {times: 2, exit: {after: 1s, code: 1}}
                            - {exit: {after: 1s, code: 0}}
                    spec:
                      restartPolicy: OnFailure
                      initContainers:
                      - {name: init-1, image: busybox:1.36}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            // THEN the first retry is immediate, the second waits the 10 s back-off from its exit
            assertThat(sim.starts("init-1")).as(sim.log()).containsExactly(0L, 1000L, 12000L);
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(13000L);
            assertThat(sim.phases()).containsExactly(PodPhase.Pending, PodPhase.Running);
        }
    }

    @Nested
    class Sidecars {
        @Test
        void should_start_the_next_container_only_once_the_sidecar_startup_probe_passed() {
            // GIVEN a sidecar whose startup probe passes from 3 s on (S-5)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: sidecar-startup
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            side: {startup: [{from: 3s}]}
                    spec:
                      initContainers:
                      - name: side
                        image: busybox:1.36
                        restartPolicy: Always
                        startupProbe:
                          exec: {command: ["true"]}
                          periodSeconds: 1
                          failureThreshold: 30
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            assertThat(sim.starts("side")).as(sim.log()).containsExactly(0L);
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(3000L);
        }

        @Test
        void should_restart_a_sidecar_by_its_own_back_off_while_an_earlier_sidecar_backs_off() {
            // GIVEN two crash-looping sidecars: side fails every 30 s, side-2 at once, so the pod never
            // initializes; computeInitContainerActions scans from the last init container that ran, and
            // SyncPod skips a sidecar whose start fails (kuberuntime_manager.go step 6), so side's back-off
            // does not hold side-2 (S-8, R-6)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: two-sidecars
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            side: {exit: {after: 30s, code: 1}}
                            side-2: {exit: {after: 0s, code: 1}}
                    spec:
                      initContainers:
                      - {name: side, image: busybox:1.36, restartPolicy: Always}
                      - {name: side-2, image: busybox:1.36, restartPolicy: Always}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            // THEN side is in back-off from 150 s to 190 s, and side-2 restarts at 150 s all the same
            assertThat(sim.starts("side")).as(sim.log()).startsWith(0L, 30_000L, 70_000L, 120_000L, 190_000L);
            assertThat(sim.starts("side-2")).as(sim.log()).startsWith(0L, 10_000L, 30_000L, 70_000L, 150_000L, 310_000L);
        }

        @Test
        void should_restart_an_exited_sidecar_once_in_the_sync_that_finds_the_pod_initialized() {
            // GIVEN side exits at 12 s while the pod worker is held by side-2's 11 s pull (11 s to 22 s)
            // (shrunk from a 10,000-trial run, seed 101 trial 2030: side started twice at 22 s, restartCount 1 and 2)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: sidecar-restart-at-initialized
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            side:
                            - exit: {after: 11s, code: 0}
                          images:
                            registry.k8s.io/pause:3.10: {pullTakes: 11s}
                    spec:
                      initContainers:
                      - {name: init, image: busybox:1.36}
                      - name: side
                        image: nginx:1.27
                        restartPolicy: Always
                        startupProbe: {exec: {command: ["true"]}}
                      - {name: init-2, image: busybox:1.36}
                      - {name: side-2, image: registry.k8s.io/pause:3.10, restartPolicy: Always}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            // THEN the sync that starts app (the pod initialized) restarts side once
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(22000L);
            assertThat(sim.trace().all(TraceEvent.KubeletEvent.class)
                    .filter(e -> e.reason().equals("Started") && e.container().equals("side")).map(TraceEvent::at)
                    .toList()).as(sim.log()).startsWith(1000L, 22000L).doesNotHaveDuplicates();
        }

        @Test
        void should_let_a_Job_with_a_sidecar_complete_when_its_app_exits_0() {
            // GIVEN restartPolicy Never, a sidecar, and an app that finishes (R-4, ST-5 rule 5a)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: job-sidecar
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            app: {exit: {after: 5s, code: 0}}
                    spec:
                      restartPolicy: Never
                      initContainers:
                      - {name: side, image: busybox:1.36, restartPolicy: Always}
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            // THEN the sidecar is stopped after the app, and the pod Succeeds despite its 143
            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
            assertThat(sim.trace().all(TraceEvent.SignalSent.class).map(TraceEvent.SignalSent::container))
                    .containsExactly("side");
            assertThat(sim.phaseChange(PodPhase.Succeeded).orElseThrow().at()).isEqualTo(5000L);
        }
    }

    @Nested
    class PostStart {
        @Test
        void should_start_the_next_container_only_after_postStart_returned() {
            // GIVEN two containers; the first one's postStart takes 4 s (S-3, S-3a)
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: slow-poststart
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            first: {postStart: {takes: 4s}}
                    spec:
                      containers:
                      - name: first
                        image: busybox:1.36
                        lifecycle:
                          postStart:
                            exec: {command: ["true"]}
                      - {name: second, image: busybox:1.36}
                    """);

            assertThat(sim.starts("first")).as(sim.log()).containsExactly(0L);
            assertThat(sim.starts("second")).as(sim.log()).containsExactly(4000L);
            assertThat(sim.trace().all(TraceEvent.HookFinished.class).findFirst().orElseThrow().at()).isEqualTo(4000L);
        }
    }
}
