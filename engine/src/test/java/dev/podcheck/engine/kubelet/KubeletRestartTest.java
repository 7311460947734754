package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A kubelet restart as a world event (SEMANTICS KR-1..KR-4). */
class KubeletRestartTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: %s
                  events:
                  - restartKubelet: {at: %s}
            spec:
              containers:
              - name: app
                image: busybox:1.36
            %s""";

    static Simulations run(String behaviour, String at, String probes, Set<Fault> faults) {
        return Simulations.run(POD.formatted(behaviour, at, probes.indent(4)),
                EngineOptions.DEFAULT.withFaults(faults).withHorizon(Duration.ofMinutes(3)));
    }

    @Nested
    class RunningContainers {
        @Test
        void should_keep_a_running_container_and_its_restartCount() {
            // GIVEN a container crashing once after 5 s, then running WHEN the kubelet restarts at 60 s
            Simulations sim = run("[{exit: {after: 5s, code: 1}}, {}]", "60s", "", Set.of());
            // THEN no kill, no new run: the second run started at 5 s goes on with restartCount 1 (KR-1)
            assertThat(sim.starts("app")).containsExactly(0L, 5_000L);
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.reason().equals("Killing"))).isEmpty();
            assertThat(sim.lastStatus("app").restartCount()).isEqualTo(1);
            assertThat(sim.trace().all(TraceEvent.KubeletRestarted.class)).containsExactly(
                    new TraceEvent.KubeletRestarted(60_000));
        }

        @Test
        void should_kill_them_under_the_fault() {
            Simulations sim = run("{}", "60s", "", Set.of(Fault.KUBELET_RESTART_KILLS_CONTAINERS));
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.reason().equals("Killing")))
                    .extracting(KubeletEvent::at).containsExactly(60_000L);
        }
    }

    @Nested
    class ProbesStartAgain {
        @Test
        void should_report_a_ready_container_not_ready_until_its_readiness_probe_passes_again() {
            // GIVEN a passing readiness probe, ready since its first check WHEN the kubelet restarts at 65 s
            Simulations sim = run("{}", "65s", "readinessProbe: {exec: {command: [\"true\"]}}", Set.of());
            // THEN the new worker starts from Failure: not ready at 65 s, ready again at its first success (KR-2)
            List<Boolean> readyFrom65 = sim.trace().all(TraceEvent.ContainerStatusChanged.class)
                    .filter(e -> e.at() >= 65_000).map(e -> e.status().ready()).toList();
            assertThat(readyFrom65).as(sim.log()).startsWith(false, true);
        }

        @Test
        void should_run_the_startup_probe_again_and_report_not_started_until_it_passes() {
            // GIVEN a startup probe passing from the start, then failing after 60 s WHEN the kubelet restarts at 90 s
            Simulations sim = run("{startup: [{until: 60s}]}", "90s",
                    "startupProbe: {exec: {command: [\"true\"]}, failureThreshold: 3}", Set.of());
            // THEN started goes false at 90 s; three startup failures (90, 100, 110 s) kill the container (KR-2, P-9)
            assertThat(sim.statusAt("app", 90_000).started()).as(sim.log()).isFalse();
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 110_000L);
        }

        @Test
        void should_keep_the_old_results_under_the_fault() {
            Simulations sim = run("{startup: [{until: 60s}]}", "90s",
                    "startupProbe: {exec: {command: [\"true\"]}, failureThreshold: 3}",
                    Set.of(Fault.PROBE_STATE_KEPT_ACROSS_KUBELET_RESTART));
            assertThat(sim.statusAt("app", 90_000).started()).isTrue();
            assertThat(sim.starts("app")).containsExactly(0L);
        }
    }

    @Nested
    class BackOffForgotten {
        @Test
        void should_start_a_container_in_crash_loop_back_off_at_once() {
            // GIVEN a container exiting 1 after 1 s, again and again WHEN the kubelet restarts at 100 s, in back-off
            Simulations sim = run("{exit: {after: 1s, code: 1}}", "100s", "", Set.of());
            ContainerStatus before = sim.statusAt("app", 99_999);
            assertThat(before.state()).isInstanceOf(ContainerState.Waiting.class);
            // THEN the restarted kubelet has no back-off for it: started again at 100 s (KR-3)
            assertThat(sim.starts("app")).as(sim.log()).contains(100_000L);
        }

        @Test
        void should_wait_out_the_old_back_off_under_the_fault() {
            Simulations sim = run("{exit: {after: 1s, code: 1}}", "100s", "",
                    Set.of(Fault.BACK_OFF_KEPT_ACROSS_KUBELET_RESTART));
            assertThat(sim.starts("app")).doesNotContain(100_000L);
        }
    }
}
