package dev.podcheck.engine.eviction;

import static dev.podcheck.engine.eviction.TestPods.container;
import static dev.podcheck.engine.eviction.TestPods.mi;
import static dev.podcheck.engine.eviction.TestPods.pod;
import static dev.podcheck.engine.eviction.TestPods.sidecar;
import static dev.podcheck.engine.eviction.TestPods.using;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.scenario.EvictionThreshold;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodCondition;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SEMANTICS E-6, E-7: helpers.go evictionMessage, eviction_manager.go synchronize and evictPod. */
class EvictionMessagesTest {
    /** 1Gi of allocatable, 974Mi in use: 50Mi available under the default 100Mi threshold. */
    private static final MemoryPressure PRESSURE =
            MemoryPressure.observe(Quantity.parse("1Gi"), mi(974), EvictionThreshold.MEMORY_AVAILABLE);
    private static final String HEAD =
            "The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. ";

    @Test
    void should_write_the_E7_message_exactly_with_its_trailing_space() {
        Pod pod = pod("web", 0, container("app", "100Mi", "200Mi"));

        String message = EvictionMessages.memoryPressure(PRESSURE, using(pod, "app", "120Mi"));

        assertThat(message).isEqualTo(
                "The node was low on resource: memory. Threshold quantity: 100Mi, available: 50Mi. "
                + "Container app was using 120Mi, request is 100Mi, has larger consumption of memory. ");
    }

    @Nested
    class Which_containers_are_named {
        private final Pod pod = pod("web", 0,
                List.of(sidecar("proxy", "10Mi")),
                List.of(container("app", "100Mi", ""), container("idle", "100Mi", ""), container("batch", "", "")));

        @Test
        void should_name_only_containers_over_their_request_in_summary_order_sidecars_included() {
            PodMemoryUse use = using(pod, "batch", "1Mi", "idle", "100Mi", "proxy", "11Mi", "app", "99Mi");

            assertThat(EvictionMessages.memoryPressure(PRESSURE, use)).isEqualTo(HEAD
                    + "Container batch was using 1Mi, request is 0, has larger consumption of memory. "
                    + "Container proxy was using 11Mi, request is 10Mi, has larger consumption of memory. ");
        }

        @Test
        void should_name_a_container_of_a_pod_within_its_request_when_the_container_is_over() {
            // The pod uses 102Mi of its 210Mi request; the message still names the one container over.
            PodMemoryUse use = using(pod, "app", "101Mi", "idle", "1Mi");

            assertThat(use.exceedsRequest()).isFalse();
            assertThat(EvictionMessages.memoryPressure(PRESSURE, use)).isEqualTo(HEAD
                    + "Container app was using 101Mi, request is 100Mi, has larger consumption of memory. ");
        }

        @Test
        void should_not_name_containers_outside_the_spec() {
            PodMemoryUse use = using(pod, "debugger", "500Mi");

            assertThat(EvictionMessages.memoryPressure(PRESSURE, use)).isEqualTo(HEAD);
        }

        @Test
        void should_stop_after_the_threshold_for_a_pod_without_stats() {
            assertThat(EvictionMessages.memoryPressure(PRESSURE, PodMemoryUse.withoutStats(pod))).isEqualTo(HEAD);
        }
    }

    /** resource.Quantity String(): usage is NewQuantity(bytes, BinarySI); requests print as parsed. */
    @Nested
    class Quantity_text {
        @ParameterizedTest(name = "{0} bytes over {1} -> using {2}, request is {3}")
        @CsvSource({
                "125829120, 100Mi, 120Mi, 100Mi",
                "125829121, 100Mi, 125829121, 100Mi",
                "3782713344, 100Mi, 3694056Ki, 100Mi",
                "200000000, 100M, 200000000, 100M",
                "1000, '', 1k, 0",
                "1073741824, 0.5Gi, 1Gi, 512Mi"})
        void should_print_usage_and_request_as_the_kubelet_does(long bytes, String request, String usage,
                String requestText) {
            Pod pod = pod("p", 0, container("c", request, ""));

            String message = EvictionMessages.memoryPressure(PRESSURE, PodMemoryUse.of(pod, Map.of("c", bytes)));

            assertThat(message).isEqualTo(HEAD + "Container c was using " + usage + ", request is "
                    + requestText + ", has larger consumption of memory. ");
        }

        @Test
        void should_print_a_percentage_threshold_and_a_negative_available() {
            MemoryPressure pressure = MemoryPressure.observe(Quantity.parse("1Gi"), mi(1074),
                    EvictionThreshold.parse("memory.available", "10%").orElseThrow());

            assertThat(EvictionMessages.memoryPressure(pressure, PodMemoryUse.withoutStats(pod("p", 0))))
                    .isEqualTo("The node was low on resource: memory. "
                            + "Threshold quantity: 107374184, available: -50Mi. ");
        }
    }

    @Nested
    class Status_and_grace {
        @Test
        void should_mark_the_pod_a_disruption_target_terminated_by_the_kubelet() {
            PodCondition condition = EvictionMessages.disruptionTarget(HEAD);

            assertThat(condition).isEqualTo(
                    new PodCondition(ConditionType.DisruptionTarget, true, "TerminationByKubelet", HEAD));
            assertThat(EvictionMessages.REASON).isEqualTo("Evicted");
        }

        @Test
        void should_give_one_second_for_a_hard_threshold_whatever_the_pod_asks() {
            assertThat(EvictionGracePeriod.override(true, 0, 30L)).isEqualTo(1);
            assertThat(EvictionGracePeriod.override(true, 90, null)).isEqualTo(1);
        }

        @ParameterizedTest(name = "max {0}, TGPS {1} -> {2}")
        @CsvSource({"0, 30, 0", "60, 30, 30", "60, 90, 60", "60, , 60"})
        void should_give_a_soft_threshold_the_smaller_of_max_pod_grace_and_TGPS(long max, Long tgps, long grace) {
            assertThat(EvictionGracePeriod.override(false, max, tgps)).isEqualTo(grace);
        }
    }
}
