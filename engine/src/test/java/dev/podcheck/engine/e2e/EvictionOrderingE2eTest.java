package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e_node/eviction_test.go for several pods on one node under memory pressure
 * (SEMANTICS NP-1..NP-3, E-5, E-7): runEvictionTest's verifyEvictionOrdering (a pod of evictionPriority 0 is never
 * evicted, a lower evictionPriority goes only after every higher one, every pod above 0 is evicted in the end) and
 * verifyPodConditions / verifyEvictionEvents (DisruptionTarget, the Evicted event naming the starved resource).
 */
class EvictionOrderingE2eTest {
    /**
     * SIGDescribe("PriorityMemoryEvictionOrdering"): a BestEffort memory hog, a BestEffort memory hog of priority
     * 999999999, and a guaranteed pod of 300Mi using less than that. The hogs grow until evicted (getMemhogPod).
     */
    private static final String PRIORITY_MEMORY_EVICTION_ORDERING = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: memory-hog-pod
              annotations:
                podcheck.dev/scenario: |
                  neighbours: [high-priority-memory-hog-pod, guaranteed-pod]
                  containers:
                    memory-hog: {memory: [{from: 0s, bytes: 100Mi}, {from: 10s, bytes: 300Mi}, {from: 20s, bytes: 500Mi},
                                          {from: 30s, bytes: 700Mi}, {from: 40s, bytes: 900Mi}]}
                  events:
                  - nodeMemoryPressure: {at: 0s, allocatable: 1Gi, evictionThreshold: 100Mi}
            spec:
              containers:
              - {name: memory-hog, image: busybox:1.36}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: high-priority-memory-hog-pod
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    high-priority-memory-hog: {memory: [{from: 0s, bytes: 100Mi}, {from: 10s, bytes: 300Mi},
                        {from: 20s, bytes: 500Mi}, {from: 30s, bytes: 700Mi}, {from: 40s, bytes: 900Mi}]}
            spec:
              priority: 999999999
              containers:
              - {name: high-priority-memory-hog, image: busybox:1.36}
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: guaranteed-pod
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    guaranteed-pod: {memory: [{from: 0s, bytes: 200Mi}]}
            spec:
              containers:
              - name: guaranteed-pod
                image: busybox:1.36
                resources:
                  requests: {memory: 300Mi}
                  limits: {memory: 300Mi}
            """;

    @Test
    void should_evict_the_low_priority_hog_before_the_high_priority_hog_and_never_the_guaranteed_pod() {
        // GIVEN the three pods of PriorityMemoryEvictionOrdering on a node of 1Gi with memory.available<100Mi
        Simulations node = Simulations.run(PRIORITY_MEMORY_EVICTION_ORDERING, Duration.ofMinutes(2));
        Simulations high = node.neighbour("high-priority-memory-hog-pod");
        Simulations guaranteed = node.neighbour("guaranteed-pod");

        // THEN at 20 s (1200Mi used) both hogs exceed their requests and the one of lower priority goes first; at
        // 41 s the high-priority hog alone passes the threshold again; the guaranteed pod, under its request, stays
        assertThat(evictedAt(node)).as(node.log()).contains(20_000L);
        assertThat(evictedAt(high)).as(node.log()).contains(40_000L + 1_000L);
        assertThat(evictedAt(guaranteed)).as(node.log()).isEmpty();
        assertThat(guaranteed.finalPhase()).isEqualTo(PodPhase.Running);
        // verifyPodConditions and verifyEvictionEvents: Failed/Evicted, DisruptionTarget, the starved resource named
        for (Simulations evicted : new Simulations[] {node, high}) {
            assertThat(evicted.phaseChange(PodPhase.Failed)).get().extracting(TraceEvent.PodPhaseChanged::reason)
                    .isEqualTo("Evicted");
            assertThat(evicted.trace().all(TraceEvent.PodConditionChanged.class)
                    .anyMatch(c -> c.condition().type() == ConditionType.DisruptionTarget && c.condition().status()))
                    .isTrue();
            assertThat(evicted.trace().all(TraceEvent.KubeletEvent.class).filter(e -> e.reason().equals("Evicted")))
                    .singleElement().extracting(TraceEvent.KubeletEvent::message).asString()
                    .startsWith("The node was low on resource: memory. ");
        }
    }

    private static Optional<Long> evictedAt(Simulations pod) {
        return pod.trace().all(TraceEvent.PodEvicted.class).map(TraceEvent.PodEvicted::at).findFirst();
    }
}
