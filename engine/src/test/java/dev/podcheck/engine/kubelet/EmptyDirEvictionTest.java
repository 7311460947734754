package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * emptyDir sizeLimit evictions and the volumes' part in the pod's use (SEMANTICS LS-5), transcribed from
 * test/e2e_node/eviction_test.go LocalStorageCapacityIsolationEviction: "emptydir-disk-sizelimit" writes 101Mi to an
 * emptyDir of sizeLimit 100Mi and is evicted; "container-emptydir-disk-limit" writes 101Mi to an emptyDir without a
 * sizeLimit under a 100Mi container limit and is evicted; "emptydir-disk-below-sizelimit" writes 99Mi and is not;
 * "emptydir-memory-sizelimit" fills its Memory emptyDir, a tmpfs of its sizeLimit, and is not.
 */
class EmptyDirEvictionTest {
    private static final String E2E_PODS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: emptydir-disk-sizelimit
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [container-emptydir-disk-limit, emptydir-disk-below-sizelimit, emptydir-memory-sizelimit]
                  containers:
                    app: {volumes: {test-volume: [{from: 5s, bytes: 101Mi}]}}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                volumeMounts: [{name: test-volume, mountPath: /test-volume}]
              volumes:
              - {name: test-volume, emptyDir: {sizeLimit: 100Mi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: container-emptydir-disk-limit
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {volumes: {test-volume: [{from: 5s, bytes: 101Mi}]}}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                resources: {limits: {ephemeral-storage: 100Mi}}
                volumeMounts: [{name: test-volume, mountPath: /test-volume}]
              volumes:
              - {name: test-volume, emptyDir: {}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: emptydir-disk-below-sizelimit
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {volumes: {test-volume: [{from: 5s, bytes: 99Mi}]}}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                volumeMounts: [{name: test-volume, mountPath: /test-volume}]
              volumes:
              - {name: test-volume, emptyDir: {sizeLimit: 100Mi}}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: emptydir-memory-sizelimit
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 5s, bytes: 100Mi}]}
            spec:
              restartPolicy: Never
              containers:
              - name: app
                image: busybox:1.36
                volumeMounts: [{name: test-volume, mountPath: /test-volume}]
              volumes:
              - {name: test-volume, emptyDir: {medium: Memory, sizeLimit: 100Mi}}
            """;

    /** Each run writes 60Mi and exits 1; what the first left stays, so the second brings the volume to 120Mi. */
    private static final String WRITES_ACROSS_RESTARTS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: restarts
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {exit: {after: 5s, code: 1}, volumes: {cache: [{from: 1s, bytes: 60Mi}]}}
            spec:
              restartPolicy: OnFailure
              containers:
              - name: app
                image: busybox:1.36
                volumeMounts: [{name: cache, mountPath: /cache}]
              volumes:
              - {name: cache, emptyDir: {sizeLimit: 100Mi}}
            """;

    private static Simulations run(String yaml, Set<Fault> faults) {
        return Simulations.run(yaml, EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(1)).withFaults(faults));
    }

    private static java.util.List<TraceEvent.PodEvicted> evictions(Simulations node, String pod) {
        Simulations of = node.scenario().pod().metadata().name().equals(pod) ? node : node.neighbour(pod);
        return of.trace().all(TraceEvent.PodEvicted.class).toList();
    }

    @Nested
    class Faithful {
        @Test
        void should_evict_the_pod_whose_emptyDir_exceeds_its_sizeLimit_at_the_next_pass() {
            Simulations node = run(E2E_PODS, Set.of());

            assertThat(evictions(node, "emptydir-disk-sizelimit")).singleElement().satisfies(ev -> {
                assertThat(ev.at()).isEqualTo(10_000);
                assertThat(ev.resource()).isEqualTo("ephemeral-storage");
                assertThat(ev.message()).isEqualTo("Usage of EmptyDir volume \"test-volume\" exceeds the limit \"100Mi\". ");
            });
        }

        @Test
        void should_count_an_emptyDir_on_disk_in_the_pods_use_against_its_containers_limits() {
            Simulations node = run(E2E_PODS, Set.of());

            assertThat(evictions(node, "container-emptydir-disk-limit")).singleElement().satisfies(ev -> assertThat(
                    ev.message()).isEqualTo("Pod ephemeral local storage usage exceeds the total limit of containers 100Mi. "));
        }

        @Test
        void should_leave_a_pod_below_its_sizeLimit_and_one_whose_Memory_emptyDir_is_full() {
            Simulations node = run(E2E_PODS, Set.of());

            assertThat(evictions(node, "emptydir-disk-below-sizelimit")).isEmpty();
            assertThat(evictions(node, "emptydir-memory-sizelimit")).isEmpty();
        }

        @Test
        void should_keep_what_an_ended_instance_wrote_in_the_volume() {
            Simulations pod = run(WRITES_ACROSS_RESTARTS, Set.of());

            TraceEvent.PodEvicted evicted = pod.trace().all(TraceEvent.PodEvicted.class).findFirst().orElseThrow();
            assertThat(evicted.message()).isEqualTo("Usage of EmptyDir volume \"cache\" exceeds the limit \"100Mi\". ");
            assertThat(evicted.at()).isGreaterThan(pod.starts("app").get(1));
        }
    }

    @Nested
    class Faulty {
        @Test
        void should_not_evict_for_the_sizeLimit_under_EMPTY_DIR_LIMIT_IGNORED() {
            Simulations node = run(E2E_PODS, Set.of(Fault.EMPTY_DIR_LIMIT_IGNORED));

            assertThat(evictions(node, "emptydir-disk-sizelimit")).isEmpty();
            assertThat(evictions(node, "container-emptydir-disk-limit")).hasSize(1);
        }
    }
}
