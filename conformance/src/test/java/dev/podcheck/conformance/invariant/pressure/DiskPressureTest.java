package dev.podcheck.conformance.invariant.pressure;

import static dev.podcheck.conformance.invariant.pressure.DiskTrials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.localstorage.LocalStorageInvariants;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The disk group (SEMANTICS NP-7) on hand-built traces of DiskTrials' node: 18Gi and 1Mi written to 10Gi. */
class DiskPressureTest {
    private static final String GI4 = Long.toString(4L << 30);
    private static final String GI5 = Long.toString(5L << 30);

    @Nested
    class Ranked {
        private final DiskRanked ranked = new DiskRanked();

        @Test
        void should_hold_when_the_pod_most_above_its_request_of_the_lowest_priority_goes_first() {
            assertThat(ranked.check(node(0, Map.of("big", List.of(evicted(10_000)))))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_pod_less_above_its_request_of_the_same_priority_goes_first() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(ranked.check(node(0, Map.of("hog", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(DiskRanked.OUT_OF_RANK, "hog", 0, GI4, 0L, 10_000L, "big", 0, GI5, 0L), wrong));
        }

        @Test
        void should_be_violated_when_a_higher_priority_pod_goes_first_whatever_its_use() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(ranked.check(node(0, Map.of("vip", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(DiskRanked.OUT_OF_RANK, "vip", 100, Long.toString(6L << 30), 0L, 10_000L, "big", 0,
                            GI5, 0L), wrong));
        }

        @Test
        void should_be_violated_when_a_pod_within_its_request_goes_before_one_over_it_whatever_their_priorities() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(ranked.check(node(0, Map.of("modest", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(DiskRanked.OUT_OF_RANK, "modest", 0, Long.toString(3L << 30), 4L << 30, 10_000L,
                            "big", 0, GI5, 0L), wrong));
        }
    }

    @Nested
    class OnlyUnderDiskPressure {
        private final OnlyUnderPressure only = OnlyUnderPressure.disk();

        @Test
        void should_hold_for_an_eviction_under_pressure() {
            assertThat(only.check(node(0, Map.of("big", List.of(evicted(10_000)))))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_by_an_eviction_before_the_filesystem_condition_begins() {
            TraceEvent.PodEvicted early = evicted(10_000);

            assertThat(only.check(node(20, Map.of("big", List.of(early))))).isEqualTo(Verdict.violated(
                    String.format(OnlyUnderPressure.NO_PRESSURE, "big", "ephemeral-storage", 10_000L,
                            "nodefs.available", WRITTEN, "bytes written"), early));
        }

        @Test
        void should_be_violated_by_evicting_a_critical_pod() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(only.check(node(0, Map.of("critical", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(OnlyUnderPressure.CRITICAL, "critical", "ephemeral-storage", 10_000L), wrong));
        }

        @Test
        void should_leave_a_local_storage_limit_eviction_to_the_localstorage_group() {
            // GIVEN an eviction for a container's own limit, no node sentence, before any filesystem condition
            TraceEvent.PodEvicted limit = new TraceEvent.PodEvicted(10_000, "ephemeral-storage",
                    "Container app exceeded its local ephemeral storage limit \"1Gi\". ");

            assertThat(only.check(node(20, Map.of("big", List.of(limit))))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class ToldApartFromLimits {
        @Test
        void should_not_judge_a_disk_pressure_eviction_by_the_pod_limits() {
            // GIVEN big, with no ephemeral-storage limit, evicted for disk pressure
            var trial = node(0, Map.of("big", List.of(evicted(10_000))));

            assertThat(LocalStorageInvariants.all()).allSatisfy(invariant ->
                    assertThat(invariant.check(trial)).as(invariant.id()).isEqualTo(Verdict.HOLDS));
        }
    }

    @Nested
    class EvictsWhileLasting {
        private final EvictsWhilePressureLasts lasting = EvictsWhilePressureLasts.disk();

        @Test
        void should_hold_when_pods_are_evicted_one_a_pass_until_the_pressure_ends() {
            // 18Gi less big's 5Gi, hog's 4Gi and vip's 6Gi leaves 3Gi written: 7Gi available, above 2Gi
            var trial = node(0, Map.of("big", evictedAndStopped(10_000), "hog", evictedAndStopped(12_000),
                    "vip", evictedAndStopped(14_000)));

            assertThat(lasting.check(trial)).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_nobody_is_evicted_while_the_pressure_lasts() {
            assertThat(lasting.check(node(0, Map.of()))).isEqualTo(Verdict.violated(
                    String.format(EvictsWhilePressureLasts.NONE, "nodefs.available", 2_000L, 33_000L)));
        }
    }
}
