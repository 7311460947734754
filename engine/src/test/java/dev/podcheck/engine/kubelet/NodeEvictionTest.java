package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Several pods on one node under memory pressure (SEMANTICS NP-1..NP-3): ranking, one pod a pass, the cleanup wait. */
class NodeEvictionTest {
    /** a 500Mi (priority 0), b 500Mi (priority 10), c 450Mi (priority 0) on 1Gi with memory.available<100Mi. */
    private static final String THREE_PODS = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: a
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [b, c]
                  containers:
                    app: {memory: [{from: 0s, bytes: 500Mi}]}
                  events:
                  - nodeMemoryPressure: {at: 5s, allocatable: 1Gi, evictionThreshold: 100Mi}
            spec:
              containers:
              - {name: app, image: busybox:1.36}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: b
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 0s, bytes: 500Mi}]}
            spec:
              priority: %d
              containers:
              - {name: app, image: busybox:1.36}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: c
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    app: {memory: [{from: 0s, bytes: 450Mi}]}
            spec:
              containers:
              - {name: app, image: busybox:1.36}
            """;

    private static Map<String, Long> evictions(Simulations node) {
        Map<String, Long> out = new LinkedHashMap<>();
        node.trace().all(TraceEvent.PodEvicted.class).findFirst().ifPresent(e -> out.put("a", e.at()));
        node.trace().neighbours().forEach((name, trace) -> trace.all(TraceEvent.PodEvicted.class).findFirst()
                .ifPresent(e -> out.put(name, e.at())));
        return out;
    }

    private static Simulations run(int priorityOfB, Set<Fault> faults) {
        return Simulations.run(THREE_PODS.formatted(priorityOfB),
                EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(2)).withFaults(faults));
    }

    @Nested
    class Faithful {
        @Test
        void should_evict_one_pod_a_pass_and_pass_again_once_the_evicted_pod_is_cleaned_up() {
            // GIVEN 1450Mi used on 1Gi: every pod exceeds its (zero) request; a and c rank before b by priority,
            // a before c by its larger use above request
            Simulations node = run(10, Set.of());

            // THEN the pass at 10 s evicts a alone; the pass after its cleanup (a poll a second later) still finds
            // 950Mi used (74Mi available) and evicts c; with b alone left 524Mi are available and b stays
            assertThat(evictions(node)).as(node.log()).containsExactly(Map.entry("a", 10_000L), Map.entry("c", 11_000L));
        }

        @Test
        void should_rank_a_pod_being_deleted_and_evict_it_with_the_shorter_grace() {
            // GIVEN a is deleted at 9 s with a grace of 60 s and keeps running (it ignores SIGTERM) with its 500Mi
            Simulations node = Simulations.run(THREE_PODS.formatted(10)
                    .replace("  - nodeMemoryPressure", "  - deletePod: {at: 9s, gracePeriodSeconds: 60}\n      - nodeMemoryPressure")
                    .replace("app: {memory: [{from: 0s, bytes: 500Mi}]}\n      events",
                            "app: {onSigterm: ignore, memory: [{from: 0s, bytes: 500Mi}]}\n      events"),
                    EngineOptions.DEFAULT.withHorizon(Duration.ofMinutes(2)));

            // THEN a, still active (filterOutInactivePods keeps a pod until it is known terminated, NP-4), ranks first
            // at 10 s and is evicted: its kill gets the eviction's 1 s grace instead of what is left of 60 s, so it
            // stops at 12 s (the 2 s minimum, T-7) and the pass after its cleanup (the poll at 12 s) evicts c; b stays
            assertThat(evictions(node)).as(node.log()).containsExactly(Map.entry("a", 10_000L), Map.entry("c", 12_000L));
            assertThat(node.exits("app")).as(node.log()).containsExactly(12_000L);
            assertThat(node.trace().all(TraceEvent.PodPhaseChanged.class).reduce((x, y) -> y).orElseThrow())
                    .satisfies(p -> assertThat(p.reason()).isEqualTo("Evicted"));
        }

        @Test
        void should_never_evict_a_critical_pod_whatever_its_rank() {
            // GIVEN b has system-critical priority: evictPod refuses it (E-8)
            Simulations node = run(2_000_000_000, Set.of());

            assertThat(evictions(node)).as(node.log()).containsOnlyKeys("a", "c");
        }
    }

    @Nested
    class Faults {
        @Test
        void should_evict_the_last_ranked_pod_under_EVICTION_RANKING_REVERSED() {
            Simulations node = run(10, Set.of(Fault.EVICTION_RANKING_REVERSED));

            assertThat(evictions(node)).as(node.log()).containsEntry("b", 10_000L);
        }

        @Test
        void should_evict_two_pods_in_one_pass_under_SEVERAL_EVICTED_PER_PASS() {
            Simulations node = run(10, Set.of(Fault.SEVERAL_EVICTED_PER_PASS));

            assertThat(evictions(node)).as(node.log()).containsEntry("a", 10_000L).containsEntry("c", 10_000L);
        }

        @Test
        void should_not_pass_again_after_an_eviction_under_EVICTION_LOOP_STOPS() {
            Simulations node = run(10, Set.of(Fault.EVICTION_LOOP_STOPS));

            assertThat(evictions(node)).as(node.log()).containsExactly(Map.entry("a", 10_000L));
        }
    }
}
