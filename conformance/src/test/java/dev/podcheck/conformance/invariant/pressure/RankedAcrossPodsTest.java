package dev.podcheck.conformance.invariant.pressure;

import static dev.podcheck.conformance.invariant.pressure.NodeTrials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankedAcrossPodsTest {
    private static final RankedAcrossPods RANKED = new RankedAcrossPods();

    @Test
    void should_hold_when_the_pod_of_lowest_priority_above_its_request_goes_first() {
        // GIVEN low and high both above their (zero) requests: low ranks first by priority
        assertThat(RANKED.check(allRunning(Map.of("low", List.of(evicted(10_000)))))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_pod_of_higher_priority_goes_while_a_lower_one_runs() {
        TraceEvent.PodEvicted wrong = evicted(10_000);

        assertThat(RANKED.check(allRunning(Map.of("high", List.of(wrong))))).isEqualTo(Verdict.violated(
                String.format(RankedAcrossPods.OUT_OF_RANK, "high", 10_000L,
                        "above its memory request, priority 100, 600Mi above its request", "low",
                        "above its memory request, priority 0, 600Mi above its request"), wrong));
    }

    @Test
    void should_be_violated_when_a_pod_within_its_request_goes_before_pods_above_theirs() {
        // GIVEN small uses 100Mi of its 500Mi request: exceedMemoryRequests puts every pod above its request first,
        // whatever the priorities
        TraceEvent.PodEvicted wrong = evicted(10_000);

        assertThat(RANKED.check(allRunning(Map.of("small", List.of(wrong))))).isInstanceOf(Verdict.Violated.class);
    }

    @Test
    void should_not_count_a_critical_pod_or_one_whose_containers_ended_as_ranked_before() {
        // GIVEN low was deleted and its app ended before high's eviction; critical ranks first by use but is never
        // evicted
        List<TraceEvent> lowGone = new ArrayList<>(List.of(deleted(5_000)));
        lowGone.addAll(stopped(6_000));
        var trial = allRunning(Map.of("low", lowGone, "high", List.of(evicted(10_000))));

        assertThat(RANKED.check(trial)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_count_a_pod_being_deleted_while_it_runs_as_ranked_before() {
        // GIVEN low was deleted before high's eviction and still runs: active until known terminated (NP-4)
        TraceEvent.PodEvicted wrong = evicted(10_000);
        var trial = allRunning(Map.of("low", List.of(deleted(5_000)), "high", List.of(wrong)));

        assertThat(RANKED.check(trial)).isEqualTo(Verdict.violated(String.format(RankedAcrossPods.OUT_OF_RANK, "high",
                10_000L, "above its memory request, priority 100, 600Mi above its request", "low",
                "above its memory request, priority 0, 600Mi above its request"), wrong));
    }

    @Test
    void should_hold_when_the_pod_being_deleted_is_the_one_evicted() {
        var trial = allRunning(Map.of("low", List.of(deleted(5_000), evicted(10_000))));

        assertThat(RANKED.check(trial)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_not_judge_against_a_pod_whose_container_starts_at_the_eviction_instant() {
        // GIVEN low's app starts at 10 s, the eviction's instant: whether the pass saw it running is not known
        var trial = node(List.of(started(10_000)), Map.of("high", runningFrom1s(evicted(10_000))));

        assertThat(RANKED.check(trial)).isEqualTo(Verdict.HOLDS);
    }
}
