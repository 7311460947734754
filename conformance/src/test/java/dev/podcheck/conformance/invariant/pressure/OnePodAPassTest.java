package dev.podcheck.conformance.invariant.pressure;

import static dev.podcheck.conformance.invariant.pressure.NodeTrials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnePodAPassTest {
    private static final OnePodAPass ONE = new OnePodAPass();

    @Test
    void should_hold_for_evictions_a_cleanup_poll_apart() {
        var trial = allRunning(Map.of("low", List.of(evicted(10_000)), "high", List.of(evicted(11_000))));

        assertThat(ONE.check(trial)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_by_two_evictions_in_one_pass() {
        TraceEvent.PodEvicted first = evicted(10_000);
        TraceEvent.PodEvicted second = evicted(10_000);
        var trial = allRunning(Map.of("low", List.of(first), "small", List.of(second)));

        assertThat(ONE.check(trial)).isEqualTo(Verdict.violated(String.format(OnePodAPass.TOO_CLOSE, "low", "memory",
                10_000L, "small", 10_000L, 1_000L), first, second));
    }
}
