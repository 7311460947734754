package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import org.junit.jupiter.api.Test;

/** Graceful deletion and the pod's end (SEMANTICS T-1..T-11, AD-1, AD-2). */
class TerminationTest {

    @Test
    void should_run_preStop_then_SIGTERM_and_stop_sidecars_after_the_app_in_reverse_order() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ordered-stop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {preStop: {takes: 3s}, onSigterm: {exitAfter: 2s, code: 0}}
                      events:
                      - deletePod: {at: 10s}
                spec:
                  initContainers:
                  - {name: side-1, image: busybox:1.36, restartPolicy: Always}
                  - {name: side-2, image: busybox:1.36, restartPolicy: Always}
                  containers:
                  - name: app
                    image: busybox:1.36
                    lifecycle:
                      preStop:
                        exec: {command: ["true"]}
                """);

        assertThat(sim.trace().all(TraceEvent.DeletionRequested.class))
                .containsExactly(new TraceEvent.DeletionRequested(10_000, 30, false, 40_000));
        assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                .as(sim.log())
                .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::container, TraceEvent.SignalSent::signal)
                .containsExactly(tuple(13_000L, "app", Signal.SIGTERM), tuple(15_000L, "side-2", Signal.SIGTERM),
                        tuple(15_000L, "side-1", Signal.SIGTERM));
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Succeeded);
        assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at)).containsExactly(15_000L);
    }

    @Test
    void should_wait_at_least_2_seconds_between_SIGTERM_and_SIGKILL() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: stubborn
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {onSigterm: ignore}
                      events:
                      - deletePod: {at: 5s, gracePeriodSeconds: 1}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal)
                .containsExactly(tuple(5_000L, Signal.SIGTERM), tuple(7_000L, Signal.SIGKILL));
        assertThat(sim.lastStatus("app").state()).isEqualTo(new ContainerState.Terminated(137, "Error", "SIGKILL", 0, 7_000));
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Failed);
    }

    @Test
    void should_count_preStop_against_the_grace_period() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: slow-prestop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {preStop: {takes: 4s}, onSigterm: ignore}
                      events:
                      - deletePod: {at: 1s, gracePeriodSeconds: 10}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    lifecycle:
                      preStop:
                        sleep: {seconds: 5}
                """);

        assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal)
                .containsExactly(tuple(5_000L, Signal.SIGTERM), tuple(11_000L, Signal.SIGKILL));
    }

    @Test
    void should_remove_a_force_deleted_pod_at_once_while_the_kubelet_still_stops_it() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: forced
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - deletePod: {at: 3s, force: true}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at)).containsExactly(3_000L);
        assertThat(sim.trace().all(TraceEvent.DeletionRequested.class))
                .containsExactly(new TraceEvent.DeletionRequested(3_000, 0, true, 3_000));
        assertThat(sim.trace().all(TraceEvent.SignalSent.class).map(TraceEvent::at)).containsExactly(3_000L);
    }

    @Test
    void should_fail_the_pod_with_DeadlineExceeded_after_activeDeadlineSeconds() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata: {name: deadline}
                spec:
                  activeDeadlineSeconds: 30
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        TraceEvent.PodPhaseChanged failed = sim.phaseChange(PodPhase.Failed).orElseThrow();
        assertThat(failed.at()).as(sim.log()).isEqualTo(30_000L);
        assertThat(failed.reason()).isEqualTo("DeadlineExceeded");
        assertThat(failed.message()).isEqualTo("Pod was active on the node longer than the specified deadline");
        assertThat(sim.starts("app")).containsExactly(0L);
    }

    @Test
    void should_run_preStop_even_with_terminationGracePeriodSeconds_0() {
        // GIVEN TGPS 0 and a deadline: the kubelet always supplies at least 1 s (pod_workers.go, T-6), so preStop runs
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata: {name: zero-grace}
                spec:
                  terminationGracePeriodSeconds: 0
                  activeDeadlineSeconds: 10
                  containers:
                  - name: app
                    image: busybox:1.36
                    lifecycle:
                      preStop:
                        exec: {command: ["true"]}
                """);

        assertThat(sim.trace().all(TraceEvent.HookStarted.class).map(TraceEvent::at)).containsExactly(10_000L);
    }

    @Test
    void should_mark_a_pod_deleted_during_initialization_Failed_before_removing_it() {
        // GIVEN a long init container and a DELETE at 10 s (TerminatePod, T-9; the kubelet deletes terminal pods only, T-4)
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: deleted-while-initializing
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        init-1: {exit: {after: 60s, code: 0}}
                      events:
                      - deletePod: {at: 10s}
                spec:
                  initContainers:
                  - {name: init-1, image: busybox:1.36}
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        assertThat(sim.phases()).as(sim.log()).containsExactly(PodPhase.Pending, PodPhase.Failed);
        assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isEqualTo(10_000L);
        assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at)).containsExactly(10_000L);
    }

    @Test
    void should_not_start_a_container_once_the_pod_is_being_stopped() {
        // GIVEN a restart still pulling (startAfter 5 s) when the deadline stops the pod
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: no-late-start
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app:
                        - {exit: {after: 8s, code: 0}}
                        - {startAfter: 5s}
                spec:
                  activeDeadlineSeconds: 10
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L);
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Failed);
        assertThat(sim.lastStatus("app").ready()).isFalse();
    }

    @Test
    void should_let_a_pod_stop_join_a_probe_kill_under_way_instead_of_signalling_twice() {
        // GIVEN a liveness kill of a SIGTERM-ignoring container at 3 s, and a deadline at 10 s during its grace
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: joined-stop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {liveness: never, onSigterm: ignore}
                spec:
                  activeDeadlineSeconds: 10
                  containers:
                  - name: app
                    image: busybox:1.36
                    livenessProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 1
                """);

        assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal)
                .as(sim.log()).containsExactly(tuple(3_000L, Signal.SIGTERM), tuple(33_000L, Signal.SIGKILL));
        assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isEqualTo(33_000L);
    }

    @Test
    void should_fail_with_DeadlineExceeded_a_job_whose_sidecar_is_still_stopping_at_the_deadline() {
        // GIVEN the app done at 31 s, a sidecar that ignores SIGTERM, and a deadline at 60 s during its stop
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: late-deadline
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {exit: {after: 31s, code: 0}}
                        side: {onSigterm: ignore}
                spec:
                  restartPolicy: OnFailure
                  activeDeadlineSeconds: 60
                  initContainers:
                  - {name: side, image: busybox:1.36, restartPolicy: Always}
                  containers:
                  - {name: app, image: busybox:1.36}
                """);

        TraceEvent.PodPhaseChanged end = sim.phaseChange(PodPhase.Failed).orElseThrow();
        assertThat(end.reason()).as(sim.log()).isEqualTo("DeadlineExceeded");
        assertThat(sim.phaseChange(PodPhase.Succeeded)).isEmpty();
    }

    @Test
    void should_end_a_preStop_when_its_container_dies_under_it() {
        // GIVEN a preStop of 10 s and a process that exits by itself 2 s into it: the exec fails with it
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: dies-in-prestop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {exit: {after: 7s, code: 0}, preStop: {takes: 10s}}
                      events:
                      - deletePod: {at: 5s}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    lifecycle:
                      preStop:
                        exec: {command: ["true"]}
                """);

        assertThat(sim.trace().all(TraceEvent.HookFinished.class))
                .containsExactly(new TraceEvent.HookFinished(7_000, "app", TraceEvent.Hook.preStop, true));
        assertThat(sim.trace().all(TraceEvent.PodRemoved.class).map(TraceEvent::at)).containsExactly(7_000L);
    }

    @Test
    void should_let_a_force_delete_cut_a_preStop_short_then_signal() {
        // GIVEN a graceful DELETE starting a 5 s preStop, then a force DELETE 1 s later (T-3, T-6: grace 1 on the node)
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: forced-during-prestop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {preStop: {takes: 5s}, onSigterm: ignore}
                      events:
                      - deletePod: {at: 10s}
                      - deletePod: {at: 11s, force: true}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    lifecycle:
                      preStop:
                        exec: {command: ["true"]}
                """);

        assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal)
                .as(sim.log()).containsExactly(tuple(12_000L, Signal.SIGTERM), tuple(14_000L, Signal.SIGKILL));
    }

    @Test
    void should_move_deletionTimestamp_back_by_the_grace_a_shorter_DELETE_gives_up() {
        // GIVEN a DELETE with grace 30 at 10 s, then one with grace 10 at 15 s (T-2: 40 s - 20 s = 20 s, not 15 + 10)
        Simulations sim = Simulations.run(ignoringSigterm(
                "- deletePod: {at: 10s, gracePeriodSeconds: 30}\n- deletePod: {at: 15s, gracePeriodSeconds: 10}"));

        assertThat(sim.trace().all(TraceEvent.DeletionRequested.class))
                .extracting(TraceEvent.DeletionRequested::at, TraceEvent.DeletionRequested::gracePeriodSeconds,
                        TraceEvent.DeletionRequested::deletionTimestamp)
                .as(sim.log()).containsExactly(tuple(10_000L, 30L, 40_000L), tuple(15_000L, 10L, 20_000L));
    }

    @Test
    void should_give_grace_1_from_now_when_a_shorter_DELETE_would_move_deletionTimestamp_into_the_past() {
        // GIVEN grace 30 at 10 s, then grace 5 at 30 s: 40 s - 25 s = 15 s is past, so now and grace 1 (delete.go BeforeDelete)
        Simulations sim = Simulations.run(ignoringSigterm(
                "- deletePod: {at: 10s, gracePeriodSeconds: 30}\n- deletePod: {at: 30s, gracePeriodSeconds: 5}"));

        assertThat(sim.trace().all(TraceEvent.DeletionRequested.class))
                .extracting(TraceEvent.DeletionRequested::gracePeriodSeconds, TraceEvent.DeletionRequested::deletionTimestamp)
                .as(sim.log()).containsExactly(tuple(30L, 40_000L), tuple(1L, 30_000L));
        // THEN the kubelet stops with grace 1, which its 2 s minimum raises to 2 s (T-6, T-7)
        assertThat(sim.trace().all(TraceEvent.SignalSent.class))
                .extracting(TraceEvent.SignalSent::at, TraceEvent.SignalSent::signal)
                .as(sim.log()).containsExactly(tuple(10_000L, Signal.SIGTERM), tuple(32_000L, Signal.SIGKILL));
    }

    private static String ignoringSigterm(String events) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: shortened
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {onSigterm: ignore}
                      events:
                """ + events.lines().map(l -> "      " + l + "\n").reduce("", String::concat) + """
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                """;
    }
}
