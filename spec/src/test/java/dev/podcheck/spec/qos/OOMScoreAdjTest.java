package dev.podcheck.spec.qos;

import static dev.podcheck.spec.qos.Pods.container;
import static dev.podcheck.spec.qos.Pods.pod;
import static dev.podcheck.spec.qos.Pods.sidecar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SEMANTICS Q-6..Q-9: pkg/kubelet/qos/policy.go containerOOMScoreAdjust, tie-break off. */
class OOMScoreAdjTest {
    /** policy_test.go standardMemoryAmount. */
    private static final long STANDARD = 8_000_000_000L;

    private static int score(Pod pod, long capacity) {
        return OOMScoreAdj.forContainer(pod, pod.spec().containers().get(0), capacity);
    }

    @Nested
    class Policy_test_go_cases {
        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = ';', value = {
            // name; requests; limits; capacity; expected
            "cpu-limit; ; cpu=10; 4000000000; 999",
            "memory-limit-cpu-request; cpu=0; memory=10G; 8000000000; 999",
            "zero-memory-limit; ; memory=0; 7230457451; 1000",
            "no-request-limit; ; ; 4000000000; 1000",
            "equal-request-limit-cpu-memory; memory=10G,cpu=5m; cpu=5m,memory=10G; 123456789; -997",
            "cpu-unlimited-memory-limited-with-requests; memory=4000000000,cpu=5m; memory=10G; 8000000000; 500",
            "request-no-limit; memory=7999999999,cpu=5m; ; 8000000000; 3",
            "burstable-unique-container; memory=1000000000; memory=1000001000; 8000000000; 875",
        })
        void should_score_like_the_kubelet(String name, String requests, String limits, long capacity, int expected) {
            Pod pod = pod(container(name, nullToEmpty(requests), nullToEmpty(limits)));

            assertThat(score(pod, capacity)).isEqualTo(expected);
        }

        @Test
        void should_not_treat_cluster_critical_priority_as_node_critical() {
            // policy_test.go cluster-critical: priority 2000000000 and no resources stays BestEffort.
            Pod pod = pod(container("cluster-critical", "", ""));
            pod = pod.withSpec(pod.spec().withPriority(2_000_000_000));

            assertThat(score(pod, 4_000_000_000L)).isEqualTo(OOMScoreAdj.BEST_EFFORT);
        }
    }

    @Nested
    class Burstable_formula_and_clamp {
        @ParameterizedTest(name = "request {0} of {1} -> {2}")
        @CsvSource({
            "1, 1000, 999",          // 1000 - 1 = 999, no clamp
            "1, 3000, 999",          // 1000*1/3000 truncates to 0: 1000 becomes 999
            "2, 3, 334",             // 1000 - 2000/3 (666, truncated) = 334
            "997, 1000, 3",          // exactly the floor
            "998, 1000, 3",          // 2 is below the floor of 3
            "999, 1000, 3",
            "1000, 1000, 3",         // request == capacity: 0
            "5000, 1000, 3",         // request above capacity: negative
            "500, 1000, 500",
        })
        void should_clamp_burstable_to_3_and_999(long request, long capacity, int expected) {
            Pod pod = pod(container("a", "memory=" + request, ""));

            assertThat(score(pod, capacity)).isEqualTo(expected);
        }

        @Test
        void should_round_a_fractional_memory_request_up_to_whole_bytes() {
            Pod pod = pod(container("a", "memory=1500m", ""));   // 1.5 bytes: Value() is 2

            assertThat(score(pod, 1000)).isEqualTo(998);         // truncating to 1 byte would give 999
        }

        @Test
        void should_give_guaranteed_and_best_effort_their_fixed_scores() {
            assertThat(score(pod(container("a", "cpu=1,memory=1Gi", "cpu=1,memory=1Gi")), STANDARD)).isEqualTo(-997);
            assertThat(score(pod(container("a", "", "")), STANDARD)).isEqualTo(1000);
        }

        @Test
        void should_refuse_a_non_positive_node_capacity() {
            assertThatThrownBy(() -> score(pod(container("a", "memory=1", "")), 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("node memory capacity must be positive, got 0");
        }
    }

    @Nested
    class Sidecars_are_capped_at_the_smallest_regular_container {
        private final Container init = container("init-container", "memory=1000000000", "memory=1000001000");
        private final Container main = container("main-1", "memory=1000000000", "memory=1000001000");

        @ParameterizedTest(name = "sidecar request {0} -> {1}")
        @CsvSource({
            "1000000000, 875",   // same request as main-1
            "400000000, 875",    // small sidecar: 950 alone, capped at main-1's 875
            "4000000000, 500",   // big sidecar: 500 is already below 875
        })
        void should_cap_a_sidecar_like_policy_test_go(long sidecarRequest, int expected) {
            Pod pod = pod(List.of(init, sidecar("sidecar", "memory=" + sidecarRequest, "memory=1000001000")),
                    List.of(main));

            Map<String, Integer> expectedScores = new LinkedHashMap<>();
            expectedScores.put("init-container", 875);
            expectedScores.put("sidecar", expected);
            expectedScores.put("main-1", 875);

            assertThat(OOMScoreAdj.forPod(pod, STANDARD)).containsExactlyEntriesOf(expectedScores);
        }

        @Test
        void should_cap_at_the_regular_container_with_the_smallest_request_not_the_largest() {
            Pod pod = pod(List.of(sidecar("sidecar", "memory=400000000", "")), List.of(
                    container("small", "memory=1000000000", ""),     // 875
                    container("large", "memory=2000000000", "")));   // 750

            assertThat(OOMScoreAdj.forPod(pod, STANDARD)).containsEntry("sidecar", 875);
        }

        @Test
        void should_not_cap_a_regular_init_container() {
            Pod pod = pod(List.of(container("init", "memory=400000000", "")),
                    List.of(container("main", "memory=1000000000", "")));

            assertThat(OOMScoreAdj.forPod(pod, STANDARD)).containsEntry("init", 950);
        }

        @Test
        void should_leave_a_sidecar_uncapped_when_a_regular_container_requests_no_memory() {
            // The smallest regular request is 0, whose score (1000) caps nothing.
            Pod pod = pod(List.of(sidecar("sidecar", "memory=4000000000", "")),
                    List.of(container("main", "cpu=100m", "")));

            assertThat(OOMScoreAdj.forPod(pod, STANDARD)).containsEntry("sidecar", 500).containsEntry("main", 999);
        }

        @Test
        void should_pin_sidecars_of_guaranteed_pods_too() {
            String r = "cpu=100m,memory=64Mi";
            Pod pod = pod(List.of(sidecar("proxy", r, r)), List.of(container("main", r, r)));

            assertThat(OOMScoreAdj.forPod(pod, STANDARD)).containsOnly(Map.entry("proxy", -997), Map.entry("main", -997));
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
