package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e_node/container_lifecycle_test.go, "Containers Lifecycle" (Serial), about kubelet restarts
 * and a node reboot (SEMANTICS KR-1, SB-1..SB-5). The upstream test reboots the node by stopping the kubelet, calling
 * CRI StopPodSandbox and starting the kubelet again: here a loseSandbox and a restartKubelet at the same moment.
 */
class KubeletRestartE2eTest {
    private static final String INITS = """
              initContainers:
              - {name: init-1, image: busybox:1.36}
              - {name: init-2, image: busybox:1.36}
              - {name: init-3, image: busybox:1.36}
              containers:
              - {name: regular-1, image: busybox:1.36}
            """;

    @Nested
    class When_a_node_reboots {
        @Test
        void should_restart_the_containers_in_right_order_after_the_node_reboot() {
            // GIVEN three init containers of 5 s and regular-1 exiting 0 after 30 s, restartPolicy Always, running
            // WHEN the sandbox is stopped (with every container in it) and the kubelet restarted at 40 s
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: initialized-pod
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: 5s, code: 0}}
                            init-2: {exit: {after: 5s, code: 0}}
                            init-3: {exit: {after: 5s, code: 0}}
                            regular-1: {exit: {after: 30s, code: 0}}
                          events:
                          - loseSandbox: {at: 40s}
                          - restartKubelet: {at: 40s}
                    spec:
                      restartPolicy: Always
                    """ + INITS, Duration.ofMinutes(3));

            // THEN "re-initialized": regular-1's restartCount reaches 2 and the pod is Running
            long reinitialized = sim.trace().all(TraceEvent.ContainerStatusChanged.class)
                    .filter(e -> e.status().name().equals("regular-1") && e.status().restartCount() >= 2
                            && e.status().isRunning()).map(TraceEvent::at).findFirst().orElseThrow();
            assertThat(sim.trace().all(TraceEvent.PodPhaseChanged.class).filter(p -> p.at() <= reinitialized)
                    .reduce((a, b) -> b).orElseThrow().phase()).isEqualTo(PodPhase.Running);
            // ... each init container started twice, in order both times, before regular-1 (re)started
            List<String> order = List.of("init-1", "init-2", "init-3", "regular-1");
            for (int run = 0; run < 2; run++) {
                for (int i = 0; i + 1 < order.size(); i++) {
                    assertThat(sim.starts(order.get(i)).get(run)).as(sim.log())
                            .isLessThan(sim.starts(order.get(i + 1)).get(run));
                }
            }
            // ... and the new sandbox (SB-2, SB-3): attempt 1, PodReadyToStartContainers False, then True
            assertThat(sim.trace().all(TraceEvent.SandboxCreated.class).map(TraceEvent.SandboxCreated::attempt))
                    .containsExactly(1);
            assertThat(sim.trace().all(TraceEvent.PodConditionChanged.class)
                    .filter(c -> c.condition().type() == ConditionType.PodReadyToStartContainers && c.at() >= 40_000)
                    .map(c -> c.condition().status())).startsWith(false, true);
        }
    }

    @Nested
    class When_the_kubelet_restarts {
        @Test
        void should_not_restart_any_completed_init_container_after_the_kubelet_restart_of_an_initialized_pod() {
            // GIVEN three init containers of 1 s and regular-1 sleeping 300 s, running WHEN the kubelet restarts
            Simulations sim = Simulations.run(pod("initialized-pod", "1s", "300s", "30s"), Duration.ofMinutes(2));

            // THEN Consistently for a minute: no completed init container restarted, regular-1 still its first run
            for (String init : List.of("init-1", "init-2", "init-3")) {
                assertThat(sim.trace().statusesOf(init).mapToInt(ContainerStatus::restartCount).max().orElseThrow())
                        .isZero();
                assertThat(sim.starts(init)).hasSize(1);
            }
            assertThat(sim.lastStatus("regular-1").state()).isInstanceOf(ContainerState.Running.class);
            assertThat(sim.starts("regular-1")).hasSize(1);
            assertThat(sim.lastStatus("regular-1").restartCount()).isZero();
        }

        @Test
        void should_not_restart_any_completed_init_container_after_the_kubelet_restart_while_initializing() {
            // GIVEN init-1 and init-2 of 1 s, then a long-running init-3 (300 s) WHEN the kubelet restarts during it
            Simulations sim = Simulations.run(pod("initializing-long-running-init-container", "1s", "300s", "30s")
                    .replace("init-3: {exit: {after: 1s, code: 0}}", "init-3: {exit: {after: 300s, code: 0}}"),
                    Duration.ofMinutes(2));

            // THEN init-1 and init-2 keep restartCount 0, and init-3 keeps running its first run
            assertThat(sim.lastStatus("init-1").restartCount()).isZero();
            assertThat(sim.lastStatus("init-2").restartCount()).isZero();
            assertThat(sim.starts("init-3")).hasSize(1);
            assertThat(sim.lastStatus("init-3").state()).isInstanceOf(ContainerState.Running.class);
        }

        private static String pod(String name, String init, String regular, String restartAt) {
            return """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: %s
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            init-1: {exit: {after: %s, code: 0}}
                            init-2: {exit: {after: %s, code: 0}}
                            init-3: {exit: {after: %s, code: 0}}
                            regular-1: {exit: {after: %s, code: 0}}
                          events:
                          - restartKubelet: {at: %s}
                    spec:
                      restartPolicy: Always
                    """.formatted(name, init, init, init, regular, restartAt) + INITS;
        }
    }
}
