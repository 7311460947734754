package dev.podcheck.conformance.invariant.pressure;

import static dev.podcheck.conformance.invariant.pressure.PidTrials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The pid group (SEMANTICS NP-6) on hand-built traces of PidTrials' node: 120,001 tasks against 100,000. */
class PidPressureTest {
    @Nested
    class Ranked {
        private final PidRanked ranked = new PidRanked();

        @Test
        void should_hold_when_the_pod_with_most_tasks_of_the_lowest_priority_goes_first() {
            assertThat(ranked.check(node(0, Map.of("busy", List.of(evicted(10_000)))))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_pod_with_fewer_tasks_of_the_same_priority_goes_first() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(ranked.check(node(0, Map.of("bomb", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(PidRanked.OUT_OF_RANK, "bomb", 0, "30000", 10_000L, "busy", 0, "40000"), wrong));
        }

        @Test
        void should_be_violated_when_a_higher_priority_pod_goes_first_whatever_its_tasks() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(ranked.check(node(0, Map.of("vip", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(PidRanked.OUT_OF_RANK, "vip", 100, "50000", 10_000L, "bomb", 0, "30000"), wrong));
        }
    }

    @Nested
    class OnlyUnderPidPressure {
        private final OnlyUnderPressure only = OnlyUnderPressure.pids();

        @Test
        void should_hold_for_an_eviction_under_pressure() {
            assertThat(only.check(node(0, Map.of("busy", List.of(evicted(10_000)))))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_by_an_eviction_before_the_PID_condition_begins() {
            TraceEvent.PodEvicted early = evicted(10_000);

            assertThat(only.check(node(20, Map.of("busy", List.of(early))))).isEqualTo(Verdict.violated(
                    String.format(OnlyUnderPressure.NO_PRESSURE, "busy", "pids", 10_000L, "pid.available", 120_001L,
                            "tasks running"), early));
        }

        @Test
        void should_be_violated_by_evicting_a_critical_pod() {
            TraceEvent.PodEvicted wrong = evicted(10_000);

            assertThat(only.check(node(0, Map.of("critical", List.of(wrong))))).isEqualTo(Verdict.violated(
                    String.format(OnlyUnderPressure.CRITICAL, "critical", "pids", 10_000L), wrong));
        }
    }

    @Nested
    class EvictsWhileLasting {
        private final EvictsWhilePressureLasts lasting = EvictsWhilePressureLasts.pids();

        @Test
        void should_hold_when_pods_are_evicted_one_a_pass_until_the_pressure_ends() {
            var trial = node(0, Map.of("busy", evictedAndStopped(10_000), "bomb", evictedAndStopped(12_000),
                    "vip", evictedAndStopped(14_000)));

            assertThat(lasting.check(trial)).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_nobody_is_evicted_while_the_pressure_lasts() {
            assertThat(lasting.check(node(0, Map.of()))).isEqualTo(Verdict.violated(
                    String.format(EvictsWhilePressureLasts.NONE, "pid.available", 2_000L, 33_000L)));
        }
    }
}
