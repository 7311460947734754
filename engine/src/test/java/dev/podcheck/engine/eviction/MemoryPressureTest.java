package dev.podcheck.engine.eviction;

import static dev.podcheck.engine.eviction.TestPods.mi;
import static dev.podcheck.engine.eviction.TestPods.single;
import static dev.podcheck.engine.eviction.TestPods.using;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.scenario.EvictionThreshold;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SEMANTICS E-1..E-3: memory.available = capacity - working set, met when below the threshold. */
class MemoryPressureTest {
    private static final Quantity ONE_GI = Quantity.parse("1Gi");

    @Nested
    class Threshold_met {
        /** helpers.go thresholdsMet, OpLessThan: strictly below. TestThresholdsMet "threshold-met-memory". */
        @ParameterizedTest(name = "working set {0}Mi of 1Gi: met={1}")
        @CsvSource({"923, false", "924, false", "925, true", "1024, true"})
        void should_be_met_only_when_available_is_strictly_below_100Mi(long workingSetMi, boolean met) {
            MemoryPressure pressure = MemoryPressure.observe(ONE_GI, mi(workingSetMi), EvictionThreshold.MEMORY_AVAILABLE);

            assertThat(pressure.thresholdMet()).isEqualTo(met);
        }

        @Test
        void should_be_met_one_byte_below_the_threshold() {
            MemoryPressure pressure = MemoryPressure.observe(ONE_GI, mi(924) + 1, EvictionThreshold.MEMORY_AVAILABLE);

            assertThat(pressure.available()).hasToString("104857599");
            assertThat(pressure.thresholdMet()).isTrue();
        }

        @Test
        void should_let_available_go_negative_as_the_kubelet_reports_it() {
            MemoryPressure pressure = MemoryPressure.observe(ONE_GI, mi(1074), EvictionThreshold.MEMORY_AVAILABLE);

            assertThat(pressure.available()).hasToString("-50Mi");
            assertThat(pressure.thresholdMet()).isTrue();
        }
    }

    @Nested
    class From_the_scenario {
        @Test
        void should_sum_the_pods_working_sets_against_allocatable_and_default_to_100Mi() {
            NodeMemoryPressure node = new NodeMemoryPressure(Duration.ZERO, Quantity.parse("1Gi"), null);
            List<PodMemoryUse> pods = List.of(
                    using(single("a", 0, "", ""), "500Mi"),
                    using(single("b", 0, "", ""), "474Mi"),
                    PodMemoryUse.withoutStats(single("c", 0, "", "")));

            MemoryPressure pressure = MemoryPressure.observe(node, pods);

            assertThat(pressure.available()).hasToString("50Mi");
            assertThat(pressure.threshold()).hasToString("100Mi");
            assertThat(pressure.thresholdMet()).isTrue();
        }
    }

    /** helpers.go parseThresholdStatement, parsePercentage; api/types.go GetThresholdQuantity. */
    @Nested
    class Threshold_values {
        @Test
        void should_keep_a_quantity_as_written_in_canonical_form() {
            assertThat(EvictionThreshold.parse("memory.available", "0.5Gi").orElseThrow().valueFor(ONE_GI)).hasToString("512Mi");
        }

        /** float32 percentages: 10% of 1Gi is 107374184, not 107374182 (float32(0.1) is a bit above 0.1). */
        @ParameterizedTest(name = "{0} of 1Gi = {1}")
        @CsvSource({"10%, 107374184", "5%, 53687092", "50%, 512Mi", "12.5%, 128Mi"})
        void should_take_a_percentage_of_capacity_in_float32(String threshold, String expected) {
            Quantity value = EvictionThreshold.parse("memory.available", threshold).orElseThrow().valueFor(ONE_GI);

            assertThat(value).hasToString(expected);
        }

        @Test
        void should_compare_a_percentage_against_capacity() {
            EvictionThreshold tenPercent = EvictionThreshold.parse("memory.available", "10%").orElseThrow();

            assertThat(MemoryPressure.observe(ONE_GI, ONE_GI.longValue() - 107374184, tenPercent).thresholdMet())
                    .isFalse();
            assertThat(MemoryPressure.observe(ONE_GI, ONE_GI.longValue() - 107374183, tenPercent).thresholdMet())
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"0%", "100%"})
        void should_ignore_zero_and_full_percentages(String threshold) {
            assertThat(EvictionThreshold.parse("memory.available", threshold)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"-5%", "150%", "0", "-1Mi"})
        void should_reject_what_the_kubelet_rejects(String threshold) {
            assertThatThrownBy(() -> EvictionThreshold.parse("memory.available", threshold)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("memory.available");
        }
    }
}
