package dev.podcheck.conformance.report;

import static dev.podcheck.conformance.report.Traces.exited;
import static dev.podcheck.conformance.report.Traces.running;
import static dev.podcheck.conformance.report.Traces.trace;
import static dev.podcheck.conformance.report.Traces.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimelineTest {

    static final Timeline INIT_SIDE_APP = Timeline.of(List.of("init-1", "side", "app"));

    @Nested
    class Lifecycle {
        @Test
        void should_show_each_phase_condition_and_container_change_once_in_trace_order() {
            // GIVEN an init container, a sidecar and an app that start, then a delete with 30 s of grace
            Trace trace = trace()
                    .created(0, "BestEffort").phase(0, PodPhase.Pending)
                    .condition(0, ConditionType.Initialized, false, "ContainersNotInitialized")
                    .status(0, "init-1", waiting("PodInitializing"), 0, false, false)
                    .status(0, "side", waiting("PodInitializing"), 0, false, false)
                    .status(0, "app", waiting("PodInitializing"), 0, false, false)
                    .status(1000, "init-1", running(1000), 0, false, false)
                    .status(2000, "init-1", exited(0, "Completed", "", 1000, 2000), 0, false, false)
                    .status(2000, "side", running(2000), 0, true, true)
                    .condition(2000, ConditionType.Initialized, true, "")
                    .status(3000, "app", running(2500), 0, true, false)
                    .phase(3000, PodPhase.Running)
                    .status(4000, "app", running(2500), 0, true, true)
                    .condition(4000, ConditionType.Ready, true, "")
                    .deletion(60_000, 30, false)
                    .signal(60_000, "app", Signal.SIGTERM)
                    .status(61_000, "app", exited(143, "Error", "SIGTERM", 2500, 60_500), 0, false, false)
                    .signal(61_000, "side", Signal.SIGTERM)
                    .status(62_000, "side", exited(143, "Error", "SIGTERM", 2000, 61_000), 0, false, false)
                    .phase(62_000, PodPhase.Failed)
                    .removed(62_000)
                    .build();

            // WHEN it is rendered
            String text = INIT_SIDE_APP.render(trace);

            // THEN every change reads as one line, and a status line says only what changed
            assertThat(text).isEqualTo("""
                      time  container  change
                     0.000  (pod)      created, qosClass BestEffort
                     0.000  (pod)      phase Pending
                     0.000  (pod)      Initialized False (ContainersNotInitialized)
                     0.000  init-1     Waiting PodInitializing
                     0.000  side       Waiting PodInitializing
                     0.000  app        Waiting PodInitializing
                     1.000  init-1     Running
                     2.000  init-1     Terminated 0 Completed
                     2.000  side       Running, started, ready
                     2.000  (pod)      Initialized True
                     3.000  app        Running since 2.500, started
                     3.000  (pod)      phase Running
                     4.000  app        ready
                     4.000  (pod)      Ready True
                    60.000  (pod)      DeletionRequested grace 30s
                    60.000  app        signal SIGTERM
                    61.000  app        Terminated 143 Error by SIGTERM, not started, not ready
                    61.000  side       signal SIGTERM
                    62.000  side       Terminated 143 Error by SIGTERM, not started, not ready
                    62.000  (pod)      phase Failed
                    62.000  (pod)      Removed
                    """);
        }

        @Test
        void should_show_restarts_back_off_hooks_and_eviction() {
            Trace trace = trace()
                    .status(0, "app", running(0), 0, true, false)
                    .hookStarted(0, "app", Hook.postStart)
                    .hookFinished(1500, "app", Hook.postStart, true)
                    .event(1500, "FailedPostStartHook", "app", "")
                    .event(1500, "Killing", "app", "FailedPostStartHook")
                    .status(2000, "app", exited(137, "Error", "SIGKILL", 0, 1600), 0, false, false)
                    .status(3000, "app", waiting("CrashLoopBackOff"), exited(137, "Error", "SIGKILL", 0, 1600),
                            1, false, false)
                    .event(3000, "BackOff", "app", "Back-off restarting failed container app")
                    .status(13_000, "app", running(13_000), exited(137, "Error", "SIGKILL", 0, 1600),
                            1, true, false)
                    .evicted(20_000, "memory", "The node was low on resource: memory.")
                    .phase(20_000, PodPhase.Failed, "Evicted", "")
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                      time  container  change
                     0.000  app        Running, started
                     0.000  app        postStart hook started
                     1.500  app        postStart hook failed
                     1.500  app        event FailedPostStartHook
                     1.500  app        event Killing: FailedPostStartHook
                     2.000  app        Terminated 137 Error by SIGKILL, not started
                     3.000  app        Waiting CrashLoopBackOff, restartCount 1
                     3.000  app        event BackOff: Back-off restarting failed container app
                    13.000  app        Running, started
                    20.000  (pod)      Evicted (memory: The node was low on resource: memory.)
                    20.000  (pod)      phase Failed (Evicted)
                    """);
        }

        @Test
        void should_show_a_termination_message_a_patched_gate_and_the_finalizers_removal() {
            Trace trace = trace()
                    .status(0, "app", running(0), 0, true, true)
                    .add(new TraceEvent.ConditionPatched(5000, "example.com/lb", "True"))
                    .status(9000, "app", new ContainerState.Terminated(1, "Error", "", 0, 9000, "DONE\nand more"),
                            0, false, false)
                    .add(new TraceEvent.FinalizersRemoved(60_000))
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                      time  container  change
                     0.000  app        Running, started, ready
                     5.000  (pod)      example.com/lb True (patched)
                     9.000  app        Terminated 1 Error, message "DONE\\nand more", not started, not ready
                    60.000  (pod)      FinalizersRemoved
                    """);
        }

        @Test
        void should_show_an_image_pull_failing_then_backing_off() {
            // GIVEN runtime.go's pod on an image that cannot be pulled (SEMANTICS IP-4..IP-6)
            String image = "\"invalid.registry.k8s.io/invalid/alpine:3.1\"";
            Trace trace = trace()
                    .status(0, "app", waiting("ContainerCreating"), 0, false, false)
                    .add(new TraceEvent.KubeletEvent(0, "Pulling", "app", "Pulling image " + image))
                    .add(new TraceEvent.KubeletEvent(1000, "Failed", "app", "Failed to pull image " + image + ": not found"))
                    .status(11_000, "app", waiting("ErrImagePull"), 0, false, false)
                    .add(new TraceEvent.KubeletEvent(22_000, "BackOff", "app", "Back-off pulling image " + image))
                    .status(32_000, "app", waiting("ImagePullBackOff"), 0, false, false)
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                      time  container  change
                     0.000  app        Waiting ContainerCreating
                     0.000  app        event Pulling: Pulling image "invalid.registry.k8s.io/invalid/alpine:3.1"
                     1.000  app        event Failed: Failed to pull image "invalid.registry.k8s.io/invalid/alpine:3.1": not found
                    11.000  app        Waiting ErrImagePull
                    22.000  app        event BackOff: Back-off pulling image "invalid.registry.k8s.io/invalid/alpine:3.1"
                    32.000  app        Waiting ImagePullBackOff
                    """);
        }

        @Test
        void should_show_an_update_and_a_refused_one() {
            Trace trace = trace()
                    .add(new TraceEvent.PodUpdated(30_000, java.util.Map.of("app", "nginx:1.27"), 60L))
                    .add(new TraceEvent.UpdateRefused(40_000, "Pod \"p\" is invalid: spec.activeDeadlineSeconds: "
                            + "Invalid value: 600: must be less than or equal to previous value"))
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                      time  container  change
                    30.000  (pod)      updated: app image nginx:1.27, activeDeadlineSeconds 60
                    40.000  (pod)      update refused: Pod "p" is invalid: spec.activeDeadlineSeconds: Invalid value: 600: must be less than or equal to previous value
                    """);
        }

        @Test
        void should_show_a_kubelet_restart_a_lost_sandbox_and_the_new_one() {
            Trace trace = trace()
                    .add(new TraceEvent.KubeletRestarted(30_000))
                    .add(new TraceEvent.SandboxLost(40_000))
                    .add(new TraceEvent.KubeletEvent(41_000, "SandboxChanged", "",
                            "Pod sandbox changed, it will be killed and re-created."))
                    .add(new TraceEvent.SandboxCreated(41_000, 1))
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                      time  container  change
                    30.000  (pod)      kubelet restarted
                    40.000  (pod)      sandbox lost
                    41.000  (pod)      event SandboxChanged: Pod sandbox changed, it will be killed and re-created.
                    41.000  (pod)      sandbox created, attempt 1
                    """);
        }

        @Test
        void should_show_a_lastState_change_when_nothing_else_changed() {
            Trace trace = trace()
                    .status(0, "app", waiting("CrashLoopBackOff"), 1, false, false)
                    .status(5000, "app", waiting("CrashLoopBackOff"), exited(1, "Error", "", 0, 900), 1, false, false)
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).endsWith(
                    "5.000  app        lastState Terminated 1 Error\n");
        }
    }

    @Nested
    class Repetition {
        @Test
        void should_fold_an_hour_of_one_second_probes_into_one_line_per_run() {
            // GIVEN readiness passes for an hour, then fails from 3600 s on until the trace ends
            Trace trace = trace()
                    .status(0, "app", running(0), 0, true, false)
                    .probes(1000, 3_599_000, 1000, "app", ProbeKind.readiness, true)
                    .probes(3_600_000, 3_605_000, 1000, "app", ProbeKind.readiness, false)
                    .build();

            // WHEN it is rendered
            String text = Timeline.of(List.of("app")).render(trace);

            // THEN each run of identical results is one line with its count and its last time
            assertThat(text).isEqualTo("""
                        time  container  change
                       0.000  app        Running, started
                       1.000  app        readiness probe succeeded (x3599 until 3599.000)
                    3600.000  app        readiness probe failed (x6 until 3605.000)
                    """);
        }

        @Test
        void should_end_a_run_when_the_container_state_changes_so_counts_never_span_a_restart() {
            Trace trace = trace()
                    .status(0, "app", running(0), 0, true, false)
                    .probe(10_000, "app", ProbeKind.liveness, false)
                    .event(10_000, "Unhealthy", "app", "Liveness probe failed")
                    .probe(20_000, "app", ProbeKind.liveness, false)
                    .event(20_000, "Unhealthy", "app", "Liveness probe failed")
                    .probe(30_000, "app", ProbeKind.liveness, false)
                    .event(30_000, "Unhealthy", "app", "Liveness probe failed")
                    .event(30_000, "Killing", "app", "Container app failed liveness probe, will be restarted")
                    .signal(30_000, "app", Signal.SIGTERM)
                    .status(31_000, "app", running(31_000), exited(143, "Error", "SIGTERM", 0, 30_000), 1, true, false)
                    .probe(41_000, "app", ProbeKind.liveness, false)
                    .event(41_000, "Unhealthy", "app", "Liveness probe failed")
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                      time  container  change
                     0.000  app        Running, started
                    10.000  app        liveness probe failed (x3 until 30.000)
                    10.000  app        event Unhealthy: Liveness probe failed (x3 until 30.000)
                    30.000  app        event Killing: Container app failed liveness probe, will be restarted
                    30.000  app        signal SIGTERM
                    31.000  app        Running, restartCount 1
                    41.000  app        liveness probe failed
                    41.000  app        event Unhealthy: Liveness probe failed
                    """);
        }

        @Test
        void should_not_end_a_run_at_the_ready_flip_the_probe_itself_causes() {
            Trace trace = trace()
                    .status(0, "app", running(0), 0, true, false)
                    .probe(1000, "app", ProbeKind.readiness, true)
                    .status(1000, "app", running(0), 0, true, true)
                    .probe(2000, "app", ProbeKind.readiness, true)
                    .build();

            assertThat(Timeline.of(List.of("app")).render(trace)).isEqualTo("""
                     time  container  change
                    0.000  app        Running, started
                    1.000  app        readiness probe succeeded (x2 until 2.000)
                    1.000  app        ready
                    """);
        }

        @Test
        void should_keep_runs_of_different_probes_and_containers_apart() {
            Trace trace = trace()
                    .probe(1000, "a", ProbeKind.readiness, false)
                    .probe(1000, "b", ProbeKind.readiness, false)
                    .probe(1000, "a", ProbeKind.liveness, true)
                    .probe(2000, "a", ProbeKind.readiness, false)
                    .probe(2000, "b", ProbeKind.readiness, true)
                    .probe(2000, "a", ProbeKind.liveness, true)
                    .build();

            assertThat(Timeline.of(List.of("a", "b")).render(trace)).isEqualTo("""
                     time  container  change
                    1.000  a          readiness probe failed (x2 until 2.000)
                    1.000  b          readiness probe failed
                    1.000  a          liveness probe succeeded (x2 until 2.000)
                    2.000  b          readiness probe succeeded
                    """);
        }
    }

    @Nested
    class Layout {
        @Test
        void should_widen_the_container_column_for_the_longest_container_name_of_the_pod() {
            Trace trace = trace().created(0, "Burstable").build();

            assertThat(Timeline.of(List.of("a-rather-long-sidecar-name", "app")).render(trace)).isEqualTo("""
                     time  container                   change
                    0.000  (pod)                       created, qosClass Burstable
                    """);
        }

        @Test
        void should_render_an_empty_trace_as_the_header_alone() {
            assertThat(Timeline.of(List.of()).render(new Trace(List.of()))).isEqualTo(" time  container  change\n");
        }

        @Test
        void should_show_force_and_a_deletion_timestamp_that_is_not_now_plus_grace() {
            Trace trace = new Trace(List.of(
                    new dev.podcheck.spec.trace.TraceEvent.DeletionRequested(5000, 0, true, 5000),
                    new dev.podcheck.spec.trace.TraceEvent.DeletionRequested(6000, 10, false, 20_000)));

            assertThat(Timeline.of(List.of()).render(trace)).isEqualTo("""
                     time  container  change
                    5.000  (pod)      DeletionRequested grace 0s, force
                    6.000  (pod)      DeletionRequested grace 10s, deletionTimestamp 20.000
                    """);
        }

        @Test
        void should_print_seconds_with_millis() {
            assertThat(Timeline.seconds(0)).isEqualTo("0.000");
            assertThat(Timeline.seconds(61_500)).isEqualTo("61.500");
            assertThat(Timeline.seconds(3_600_007)).isEqualTo("3600.007");
        }
    }
}
