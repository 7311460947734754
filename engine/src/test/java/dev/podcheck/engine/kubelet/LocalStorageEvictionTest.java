package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Local ephemeral storage limit evictions (SEMANTICS LS-1..LS-5), transcribed from test/e2e_node/eviction_test.go
 * LocalStorageCapacityIsolationEviction: "container-disk-limit" writes 101Mi to its writable layer under a 100Mi
 * ephemeral-storage limit and is evicted; "container-disk-below-sizelimit" writes 99Mi and is not; no node pressure.
 */
class LocalStorageEvictionTest {
    private static final String E2E_PODS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: container-disk-limit
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [container-disk-below-sizelimit]
                  containers:
                    app: {disk: [{from: 5s, bytes: 101Mi}]}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                resources: {limits: {ephemeral-storage: 100Mi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: container-disk-below-sizelimit
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {disk: [{from: 5s, bytes: 99Mi}]}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                resources: {limits: {ephemeral-storage: 100Mi}}
            """;

    /** Two containers with 100Mi each: b alone is over its limit, the pod's 150Mi is within the 200Mi sum. */
    private static final String ONE_CONTAINER_OVER = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: two
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    a: {disk: [{from: 0s, bytes: 10Mi}]}
                    b: {disk: [{from: 0s, bytes: 140Mi}]}
            spec:
              containers:
              - {name: a, image: busybox:1.36, resources: {limits: {ephemeral-storage: 100Mi}}}
              - {name: b, image: busybox:1.36, resources: {limits: {ephemeral-storage: 100Mi}}}
            """;

    private static Simulations run(String yaml, Set<Fault> faults) {
        return Simulations.run(yaml, EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(1)).withFaults(faults));
    }

    @Nested
    class Faithful {
        @Test
        void should_evict_the_pod_over_its_limit_at_the_next_pass_and_leave_the_one_below() {
            // GIVEN the e2e pair, writing from 5 s after start (the pods start a little after 0)
            Simulations node = run(E2E_PODS, Set.of());

            // THEN the pass at 10 s evicts the pod over its limit, with the pod-level message: its one container's
            // 101Mi exceeds the 100Mi sum before the container check is reached (podEphemeralStorageLimitEviction)
            TraceEvent.PodEvicted evicted = node.trace().all(TraceEvent.PodEvicted.class).findFirst().orElseThrow();
            assertThat(evicted.at()).isEqualTo(10_000);
            assertThat(evicted.resource()).isEqualTo("ephemeral-storage");
            assertThat(evicted.message())
                    .isEqualTo("Pod ephemeral local storage usage exceeds the total limit of containers 100Mi. ");
            assertThat(node.trace().neighbours().get("container-disk-below-sizelimit")
                    .all(TraceEvent.PodEvicted.class)).isEmpty();
        }

        @Test
        void should_end_Failed_Evicted_without_a_DisruptionTarget_condition() {
            Simulations node = run(E2E_PODS, Set.of());

            TraceEvent.PodPhaseChanged end = node.trace().all(TraceEvent.PodPhaseChanged.class)
                    .filter(p -> p.phase().isTerminal()).findFirst().orElseThrow();
            assertThat(end.phase()).isEqualTo(PodPhase.Failed);
            assertThat(end.reason()).isEqualTo("Evicted");
            assertThat(node.trace().all(TraceEvent.PodConditionChanged.class)
                    .filter(c -> c.condition().type() == ConditionType.DisruptionTarget)).isEmpty();
        }

        @Test
        void should_name_the_container_over_its_own_limit_when_the_pod_is_within_the_sum() {
            Simulations pod = run(ONE_CONTAINER_OVER, Set.of());

            assertThat(pod.trace().all(TraceEvent.PodEvicted.class).findFirst().orElseThrow().message())
                    .isEqualTo("Container b exceeded its local ephemeral storage limit \"100Mi\". ");
        }
    }

    @Nested
    class Faulty {
        @Test
        void should_never_evict_for_local_storage_under_LOCAL_STORAGE_LIMITS_IGNORED() {
            Simulations node = run(E2E_PODS, Set.of(Fault.LOCAL_STORAGE_LIMITS_IGNORED));

            assertThat(node.trace().all(TraceEvent.PodEvicted.class)).isEmpty();
        }
    }
}
