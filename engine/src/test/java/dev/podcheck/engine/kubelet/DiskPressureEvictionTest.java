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
 * Disk pressure (SEMANTICS NP-7), transcribed from test/e2e_node/eviction_test.go PriorityLocalStorageEvictionOrdering:
 * the nodefs.available threshold is the filesystem's available bytes less 4Gi; "best-effort-disk" (priority 0) and
 * "high-priority-disk" (999999999) each write lotsOfDisk (10240 Mi) to their writable layer and are evicted in that
 * order; "guaranteed-disk" (priority 0, 297 Mi under a 300Mi ephemeral-storage request and limit) never is, since it
 * does not exceed its request (exceedDiskRequests ranks before priority). Each eviction carries DisruptionTarget.
 */
class DiskPressureEvictionTest {
    private static final String E2E_PODS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: best-effort-disk
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [high-priority-disk, guaranteed-disk]
                  containers:
                    app: {disk: [{from: 5s, bytes: 10240Mi}]}
                  events:
                  - nodeDiskPressure: {at: 0s, capacity: 100Gi, available: 50Gi, evictionThreshold: %s}
            spec:
              restartPolicy: Never
              containers: [{name: app, image: busybox:1.36}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: high-priority-disk
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {disk: [{from: 5s, bytes: %s}]}
            spec:
              restartPolicy: Never
              priority: 999999999
              containers: [{name: app, image: busybox:1.36}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: guaranteed-disk
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {disk: [{from: 5s, bytes: 297Mi}]}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                resources:
                  requests: {ephemeral-storage: 300Mi}
                  limits: {ephemeral-storage: 300Mi}
            """;

    private static Simulations run(String threshold, String highPriorityBytes, Set<Fault> faults) {
        return Simulations.run(E2E_PODS.formatted(threshold, highPriorityBytes),
                EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(2)).withFaults(faults));
    }

    private static Simulations e2e(Set<Fault> faults) {
        return run("46Gi", "10240Mi", faults);
    }

    @Nested
    class Faithful {
        @Test
        void should_evict_the_best_effort_pod_first_then_the_high_priority_one_and_never_the_guaranteed_one() {
            Simulations node = e2e(Set.of());

            TraceEvent.PodEvicted low = node.evictionsOf("best-effort-disk").get(0);
            TraceEvent.PodEvicted high = node.evictionsOf("high-priority-disk").get(0);
            assertThat(low.at()).isEqualTo(10_000);
            assertThat(low.resource()).isEqualTo("ephemeral-storage");
            assertThat(low.message()).isEqualTo("The node was low on resource: ephemeral-storage. "
                    + "Threshold quantity: 46Gi, available: 30423Mi. "
                    + "Container app was using 10Gi, request is 0, has larger consumption of ephemeral-storage. ");
            assertThat(high.at()).isGreaterThan(low.at());
            assertThat(high.message()).isEqualTo("The node was low on resource: ephemeral-storage. "
                    + "Threshold quantity: 46Gi, available: 40663Mi. "
                    + "Container app was using 10Gi, request is 0, has larger consumption of ephemeral-storage. ");
            assertThat(node.evictionsOf("guaranteed-disk")).isEmpty();
        }

        @Test
        void should_add_the_DisruptionTarget_condition() {
            Simulations node = e2e(Set.of());

            assertThat(node.trace().all(TraceEvent.PodConditionChanged.class)
                    .filter(c -> c.condition().type() == ConditionType.DisruptionTarget)).singleElement()
                    .satisfies(c -> assertThat(c.condition().reason()).isEqualTo("TerminationByKubelet"));
        }

        @Test
        void should_rank_by_priority_before_the_bytes_above_the_request() {
            // GIVEN the high-priority pod writing more than the best-effort one
            Simulations node = run("46Gi", "11Gi", Set.of());

            assertThat(node.evictionsOf("best-effort-disk").get(0).at()).isEqualTo(10_000);
        }

        @Test
        void should_take_imagefs_available_below_15_percent_on_one_filesystem_when_no_threshold_is_named() {
            // GIVEN the defaults (nodefs.available<10%, imagefs.available<15%): 50Gi less 20Gi and 297Mi leaves 29.7%
            // of 100Gi free, no pressure
            Simulations quiet = Simulations.run(E2E_PODS.formatted("null", "10240Mi"),
                    EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(2)));
            // WHEN the high-priority pod writes 25Gi: 50Gi less 35Gi and 297Mi is 14.7Gi, under 15% but over 10%
            Simulations pressed = Simulations.run(E2E_PODS.formatted("null", "25Gi"),
                    EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(2)));

            assertThat(quiet.evictionsOf("best-effort-disk")).isEmpty();
            // THEN imagefs.available's 15% (in float32, as GetThresholdQuantity computes it) is met, and names the quantity
            assertThat(pressed.evictionsOf("best-effort-disk")).singleElement()
                    .satisfies(e -> assertThat(e.message()).startsWith("The node was low on resource: ephemeral-storage. "
                            + "Threshold quantity: 16106128000, available: 15063Mi. "));
        }
    }

    @Nested
    class Faulty {
        @Test
        void should_evict_nobody_under_DISK_PRESSURE_IGNORED() {
            Simulations node = e2e(Set.of(Fault.DISK_PRESSURE_IGNORED));

            assertThat(node.evictionsOf("best-effort-disk")).isEmpty();
            assertThat(node.evictionsOf("high-priority-disk")).isEmpty();
        }

        @Test
        void should_evict_the_pod_using_the_most_disk_first_under_DISK_RANKING_BY_USE() {
            Simulations node = run("46Gi", "11Gi", Set.of(Fault.DISK_RANKING_BY_USE));

            assertThat(node.evictionsOf("high-priority-disk").get(0).at()).isEqualTo(10_000);
        }
    }
}
