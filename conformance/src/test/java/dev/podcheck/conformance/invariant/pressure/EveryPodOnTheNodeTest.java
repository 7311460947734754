package dev.podcheck.conformance.invariant.pressure;

import static dev.podcheck.conformance.invariant.pressure.NodeTrials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.eviction.EvictedStatus;
import dev.podcheck.conformance.invariant.eviction.OnlyUnderPressure;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An invariant of one pod's life judging each pod of a node scenario (SEMANTICS NP-1). */
class EveryPodOnTheNodeTest {

    @Test
    void should_judge_a_neighbour_as_the_pod_of_its_own_trial() {
        // GIVEN high is evicted at 10 s but ends Failed without the reason Evicted
        TraceEvent.PodEvicted evicted = evicted(10_000);
        TraceEvent.PodPhaseChanged wrong = new TraceEvent.PodPhaseChanged(12_000, PodPhase.Failed, "Error", "");
        var trial = allRunning(Map.of("high", List.of(evicted, wrong)));

        // THEN evicted-status, which reads one pod, finds it in high's trace, not only in low's
        assertThat(new EvictedStatus().check(trial)).isEqualTo(Verdict.HOLDS);
        assertThat(new EveryPodOnTheNode(new EvictedStatus()).check(trial)).isInstanceOf(Verdict.Violated.class);
    }

    @Test
    void should_count_the_whole_nodes_memory_for_a_neighbours_eviction() {
        // GIVEN small alone would leave 924Mi available; with the other three pods running the node has none
        var trial = allRunning(Map.of("small", List.of(evicted(10_000))));

        assertThat(new EveryPodOnTheNode(new OnlyUnderPressure()).check(trial)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_by_a_neighbours_eviction_the_node_did_not_need() {
        // GIVEN only small runs: 100Mi used on 1Gi
        TraceEvent.PodEvicted needless = evicted(10_000);
        var trial = node(List.of(), Map.of("small", runningFrom1s(needless)));

        assertThat(new EveryPodOnTheNode(new OnlyUnderPressure()).check(trial)).isInstanceOf(Verdict.Violated.class);
    }
}
