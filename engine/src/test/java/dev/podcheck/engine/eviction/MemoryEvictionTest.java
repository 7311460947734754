package dev.podcheck.engine.eviction;

import static dev.podcheck.engine.eviction.TestPods.single;
import static dev.podcheck.engine.eviction.TestPods.using;
import static dev.podcheck.engine.eviction.TestPods.withAnnotation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.trace.ConditionType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One synchronize loop for a hard memory.available threshold (SEMANTICS E-3..E-8). */
class MemoryEvictionTest {
    private static final NodeMemoryPressure NODE =
            new NodeMemoryPressure(Duration.ofSeconds(5), Quantity.parse("1Gi"), Quantity.parse("100Mi"));

    @Test
    void should_evict_the_top_ranked_pod_with_its_message_condition_and_one_second() {
        List<PodMemoryUse> pods = List.of(
                using(single("db", 1000, "600Mi", "600Mi"), "500Mi"),
                using(single("app", 0, "100Mi", ""), "474Mi"));

        MemoryEviction eviction = MemoryEviction.decide(MemoryPressure.observe(NODE, pods), pods).orElseThrow();

        String message = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. "
                + "Container app was using 474Mi, request is 100Mi, has larger consumption of memory. ";
        assertThat(eviction.pod().pod()).isEqualTo("app");
        assertThat(eviction.message()).isEqualTo(message);
        assertThat(eviction.disruptionTarget().type()).isEqualTo(ConditionType.DisruptionTarget);
        assertThat(eviction.disruptionTarget().message()).isEqualTo(message);
        assertThat(eviction.gracePeriodSeconds()).isEqualTo(1);
    }

    @Test
    void should_evict_nothing_when_available_equals_the_threshold() {
        List<PodMemoryUse> pods = List.of(using(single("app", 0, "", ""), "924Mi"));

        assertThat(MemoryEviction.decide(MemoryPressure.observe(NODE, pods), pods)).isEmpty();
    }

    @Test
    void should_evict_nothing_when_only_critical_pods_are_left() {
        List<PodMemoryUse> pods = List.of(
                using(withAnnotation(single("etcd", 0, "", ""),
                        CriticalPod.CONFIG_SOURCE_ANNOTATION, "file"), "1000Mi"));

        assertThat(MemoryEviction.decide(MemoryPressure.observe(NODE, pods), pods)).isEmpty();
    }
}
