package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * PID pressure (SEMANTICS NP-6), transcribed from test/e2e_node/eviction_test.go PriorityPidEvictionOrdering: the
 * pid.available threshold is the node's available tasks less 10,000; "fork-bomb-container-with-low-priority" (priority
 * 0) and "fork-bomb-container-with-high-priority" (999999999) each run 30,000 tasks and are evicted in that order;
 * "innocent-pod" (999999999, one task) never is. Each eviction carries DisruptionTarget.
 */
class PidPressureEvictionTest {
    private static final String E2E_PODS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: fork-bomb-container-with-low-priority
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [innocent-pod, fork-bomb-container-with-high-priority]
                  containers:
                    app: {processes: [{from: 5s, count: 30000}]}
                  events:
                  - nodePidPressure: {at: 0s, maxPids: 100000, evictionThreshold: 90000}
            spec:
              restartPolicy: Never
              containers: [{name: app, image: busybox:1.36}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: innocent-pod
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {processes: [{from: 0s, count: 1}]}
            spec:
              restartPolicy: Never
              priority: 999999999
              containers: [{name: app, image: busybox:1.36}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: fork-bomb-container-with-high-priority
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {processes: [{from: 5s, count: %d}]}
            spec:
              restartPolicy: Never
              priority: 999999999
              containers: [{name: app, image: busybox:1.36}]
            """;

    private static Simulations run(long highPriorityTasks, Set<Fault> faults) {
        return Simulations.run(E2E_PODS.formatted(highPriorityTasks),
                EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(2)).withFaults(faults));
    }

    @Nested
    class Faithful {
        @Test
        void should_evict_the_low_priority_fork_bomb_first_then_the_high_priority_one_and_never_the_innocent_pod() {
            Simulations node = run(30_000, Set.of());

            TraceEvent.PodEvicted low = node.evictionsOf("fork-bomb-container-with-low-priority").get(0);
            TraceEvent.PodEvicted high = node.evictionsOf("fork-bomb-container-with-high-priority").get(0);
            assertThat(low.at()).isEqualTo(10_000);
            assertThat(low.resource()).isEqualTo("pids");
            assertThat(low.message()).isEqualTo(
                    "The node was low on resource: pids. Threshold quantity: 90000, available: 39999. ");
            assertThat(high.at()).isGreaterThan(low.at());
            assertThat(high.message()).isEqualTo(
                    "The node was low on resource: pids. Threshold quantity: 90000, available: 69999. ");
            assertThat(node.evictionsOf("innocent-pod")).isEmpty();
        }

        @Test
        void should_add_the_DisruptionTarget_condition() {
            Simulations node = run(30_000, Set.of());

            assertThat(node.trace().all(TraceEvent.PodConditionChanged.class)
                    .filter(c -> c.condition().type() == ConditionType.DisruptionTarget)).singleElement()
                    .satisfies(c -> assertThat(c.condition().reason()).isEqualTo("TerminationByKubelet"));
        }

        @Test
        void should_rank_by_priority_before_the_number_of_tasks() {
            // GIVEN the high-priority fork bomb with more tasks than the low-priority one
            Simulations node = run(31_000, Set.of());

            assertThat(node.evictionsOf("fork-bomb-container-with-low-priority").get(0).at()).isEqualTo(10_000);
        }
    }

    @Nested
    class Faulty {
        @Test
        void should_evict_nobody_under_PID_PRESSURE_IGNORED() {
            Simulations node = run(30_000, Set.of(Fault.PID_PRESSURE_IGNORED));

            assertThat(node.evictionsOf("fork-bomb-container-with-low-priority")).isEmpty();
            assertThat(node.evictionsOf("fork-bomb-container-with-high-priority")).isEmpty();
        }

        @Test
        void should_evict_the_pod_with_the_most_tasks_first_under_PID_RANKING_BY_TASKS() {
            Simulations node = run(31_000, Set.of(Fault.PID_RANKING_BY_TASKS));

            assertThat(node.evictionsOf("fork-bomb-container-with-high-priority").get(0).at()).isEqualTo(10_000);
        }
    }
}
