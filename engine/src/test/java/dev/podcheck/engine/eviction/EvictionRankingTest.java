package dev.podcheck.engine.eviction;

import static dev.podcheck.engine.eviction.TestPods.DEFAULT_PRIORITY;
import static dev.podcheck.engine.eviction.TestPods.HIGH_PRIORITY;
import static dev.podcheck.engine.eviction.TestPods.LOW_PRIORITY;
import static dev.podcheck.engine.eviction.TestPods.single;
import static dev.podcheck.engine.eviction.TestPods.using;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SEMANTICS E-5: helpers.go rankMemoryPressure and its comparators, with helpers_test.go tables. */
class EvictionRankingTest {

    private static List<String> names(List<PodMemoryUse> pods) {
        return pods.stream().map(PodMemoryUse::pod).toList();
    }

    private static List<String> sortedBy(Comparator<PodMemoryUse> key, PodMemoryUse... pods) {
        List<PodMemoryUse> list = new ArrayList<>(List.of(pods));
        list.sort(key);
        return names(list);
    }

    @Nested
    class Each_key_alone {
        /** TestOrderedByExceedsRequestMemory. */
        @Test
        void should_put_the_pod_over_its_request_first() {
            PodMemoryUse below = using(single("below-requests", -1, "200Mi", ""), "199Mi");
            PodMemoryUse exceeds = using(single("exceeds-requests", 1, "100Mi", ""), "101Mi");

            assertThat(sortedBy(EvictionRanking.EXCEEDS_REQUESTS, below, exceeds))
                    .containsExactly("exceeds-requests", "below-requests");
        }

        /** TestOrderedByPriority. */
        @Test
        void should_put_the_lower_priority_first() {
            PodMemoryUse low = using(single("low-priority", -134, "", ""), "0");
            PodMemoryUse medium = using(single("medium-priority", 1, "100Mi", "200Mi"), "0");
            PodMemoryUse high = using(single("high-priority", 12534, "200Mi", "200Mi"), "0");

            assertThat(sortedBy(EvictionRanking.PRIORITY, high, medium, low))
                    .containsExactly("low-priority", "medium-priority", "high-priority");
        }

        /**
         * TestOrderedByMemory (TestOrderedbyMemory in older trees): usage minus request, largest
         * first. burstable-high (700Mi over) beats best-effort-high (500Mi over): no QoS order.
         */
        @Test
        void should_put_the_largest_use_above_request_first() {
            PodMemoryUse p1 = using(single("best-effort-high", DEFAULT_PRIORITY, "", ""), "500Mi");
            PodMemoryUse p2 = using(single("best-effort-low", DEFAULT_PRIORITY, "", ""), "300Mi");
            PodMemoryUse p3 = using(single("burstable-high", DEFAULT_PRIORITY, "100Mi", "1Gi"), "800Mi");
            PodMemoryUse p4 = using(single("burstable-low", DEFAULT_PRIORITY, "100Mi", "1Gi"), "300Mi");
            PodMemoryUse p5 = using(single("guaranteed-high", DEFAULT_PRIORITY, "1Gi", "1Gi"), "800Mi");
            PodMemoryUse p6 = using(single("guaranteed-low", DEFAULT_PRIORITY, "1Gi", "1Gi"), "200Mi");

            assertThat(sortedBy(EvictionRanking.MEMORY, p1, p2, p3, p4, p5, p6)).containsExactly(
                    "burstable-high", "best-effort-high", "best-effort-low", "burstable-low",
                    "guaranteed-high", "guaranteed-low");
        }
    }

    /** One rankMemoryPressure table row; the name is what JUnit shows. */
    record Case(String name, List<PodMemoryUse> input, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> rankMemoryPressureCases() {
        return Stream.of(
                orderedByPriorityMemory(),
                new Case("exceeding its request beats a lower priority",
                        List.of(using(single("within-low", LOW_PRIORITY, "1Gi", ""), "10Mi"),
                                using(single("over-high", HIGH_PRIORITY, "100Mi", ""), "101Mi")),
                        List.of("over-high", "within-low")),
                new Case("a lower priority beats more memory above request",
                        List.of(using(single("big-high", HIGH_PRIORITY, "", ""), "900Mi"),
                                using(single("small-low", LOW_PRIORITY, "", ""), "1Mi")),
                        List.of("small-low", "big-high")),
                new Case("usage equal to request does not exceed it",
                        List.of(using(single("at-request", LOW_PRIORITY, "100Mi", ""), "100Mi"),
                                using(single("one-byte-over", HIGH_PRIORITY, "100Mi", ""), "104857601")),
                        List.of("one-byte-over", "at-request")),
                new Case("not by QoS: a Guaranteed pod of lower priority before an idle BestEffort pod",
                        List.of(using(single("best-effort-idle", 1000, "", ""), "0"),
                                using(single("guaranteed", 0, "1Gi", "1Gi"), "512Mi")),
                        List.of("guaranteed", "best-effort-idle")),
                new Case("not by QoS: among pods over request, the larger excess first, BestEffort or not",
                        List.of(using(single("best-effort", 0, "", ""), "10Mi"),
                                using(single("burstable", 0, "100Mi", "1Gi"), "500Mi")),
                        List.of("burstable", "best-effort")));
    }

    /** TestOrderedByPriorityMemory: exceeds, then priority, then usage above request. */
    private static Case orderedByPriorityMemory() {
        List<PodMemoryUse> input = List.of(
                using(single("below-requests-high-priority-low-usage", HIGH_PRIORITY, "1Gi", ""), "200Mi"),
                using(single("below-requests-high-priority-high-usage", HIGH_PRIORITY, "1Gi", ""), "800Mi"),
                using(single("below-requests-low-priority-low-usage", LOW_PRIORITY, "1Gi", ""), "200Mi"),
                using(single("below-requests-low-priority-high-usage", LOW_PRIORITY, "1Gi", ""), "800Mi"),
                using(single("above-requests-high-priority-low-usage", HIGH_PRIORITY, "100Mi", ""), "150Mi"),
                using(single("above-requests-high-priority-high-usage", HIGH_PRIORITY, "100Mi", ""), "600Mi"),
                using(single("above-requests-low-priority-low-usage", LOW_PRIORITY, "", ""), "50Mi"),
                using(single("above-requests-low-priority-high-usage", LOW_PRIORITY, "", ""), "500Mi"));
        return new Case("TestOrderedByPriorityMemory", input, List.of(
                "above-requests-low-priority-high-usage", "above-requests-low-priority-low-usage",
                "above-requests-high-priority-high-usage", "above-requests-high-priority-low-usage",
                "below-requests-low-priority-high-usage", "below-requests-low-priority-low-usage",
                "below-requests-high-priority-high-usage", "below-requests-high-priority-low-usage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rankMemoryPressureCases")
    void should_rank_as_rankMemoryPressure(Case row) {
        assertThat(names(EvictionRanking.rankForMemory(row.input()))).containsExactlyElementsOf(row.expected());
    }

    @Nested
    class Pods_without_stats {
        private final Pod noStatsHigh = single("no-stats-high", HIGH_PRIORITY, "1Gi", "");
        private final Pod noStatsLow = single("no-stats-low", LOW_PRIORITY, "1Gi", "");

        @Test
        void should_rank_before_a_pod_over_its_request_with_lower_priority() {
            List<PodMemoryUse> ranked = EvictionRanking.rankForMemory(List.of(
                    using(single("over-low", LOW_PRIORITY, "", ""), "900Mi"),
                    PodMemoryUse.withoutStats(noStatsHigh)));

            assertThat(names(ranked)).containsExactly("no-stats-high", "over-low");
        }

        @Test
        void should_fall_through_to_priority_among_themselves() {
            List<PodMemoryUse> ranked = EvictionRanking.rankForMemory(List.of(
                    PodMemoryUse.withoutStats(noStatsHigh), PodMemoryUse.withoutStats(noStatsLow)));

            assertThat(names(ranked)).containsExactly("no-stats-low", "no-stats-high");
        }
    }

    @Nested
    class Ties {
        @Test
        void should_keep_input_order_for_pods_equal_on_every_key() {
            List<PodMemoryUse> twins = List.of(
                    using(single("c", 0, "100Mi", ""), "200Mi"),
                    using(single("a", 0, "100Mi", ""), "200Mi"),
                    using(single("b", 0, "100Mi", ""), "200Mi"));

            assertThat(names(EvictionRanking.rankForMemory(twins))).containsExactly("c", "a", "b");
            List<PodMemoryUse> reversed = new ArrayList<>(twins);
            Collections.reverse(reversed);
            assertThat(names(EvictionRanking.rankForMemory(reversed))).containsExactly("b", "a", "c");
        }

        @Test
        void should_compare_usage_above_request_not_usage() {
            // Same 100Mi above request, different usage: a tie, so input order stands.
            List<PodMemoryUse> pods = List.of(
                    using(single("small", 0, "100Mi", ""), "200Mi"),
                    using(single("large", 0, "900Mi", ""), "1000Mi"));

            assertThat(names(EvictionRanking.rankForMemory(pods))).containsExactly("small", "large");
        }
    }
}
