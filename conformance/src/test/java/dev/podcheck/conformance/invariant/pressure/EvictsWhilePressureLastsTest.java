package dev.podcheck.conformance.invariant.pressure;

import static dev.podcheck.conformance.invariant.pressure.NodeTrials.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvictsWhilePressureLastsTest {
    private static final EvictsWhilePressureLasts LASTING = new EvictsWhilePressureLasts();

    private static List<TraceEvent> evictedAndStopped(long at) {
        List<TraceEvent> out = new ArrayList<>(List.of(evicted(at)));
        out.addAll(stopped(at + 2_000));
        return out;
    }

    @Test
    void should_hold_when_each_eviction_follows_within_the_cleanup_timeout() {
        // GIVEN 1900Mi used on 1Gi: low goes at 10 s; high, small and critical (1300Mi) still leave the threshold met,
        // high goes at 41 s; then small and critical leave 324Mi available
        var trial = allRunning(Map.of("low", evictedAndStopped(10_000), "high", evictedAndStopped(41_000)));

        assertThat(LASTING.check(trial)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_no_pod_goes_for_longer_than_the_cleanup_timeout() {
        // GIVEN low goes at 10 s and nothing more, while high could go and the threshold stays met
        var trial = allRunning(Map.of("low", evictedAndStopped(10_000)));

        assertThat(LASTING.check(trial)).isEqualTo(Verdict.violated(String.format(EvictsWhilePressureLasts.NONE,
                "memory available", 10_000L, 41_000L)));
    }

    @Test
    void should_hold_when_the_only_pods_left_to_evict_are_critical() {
        // GIVEN low, high and small are being deleted and their containers ended (a pod known terminated is no longer
        // active), while critical alone would leave the threshold met: the kubelet never evicts it
        var trial = allRunning(Map.of("low", deletedAndStopped(5_000), "high", deletedAndStopped(5_000),
                "small", deletedAndStopped(5_000)));

        assertThat(LASTING.check(trial)).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_pods_being_deleted_keep_running_and_nobody_is_evicted() {
        // GIVEN low, high and small are being deleted, their containers still running: they stay active (NP-4)
        var trial = allRunning(Map.of("low", List.of(deleted(5_000)), "high", List.of(deleted(5_000)),
                "small", List.of(deleted(5_000))));

        assertThat(LASTING.check(trial)).isEqualTo(Verdict.violated(String.format(EvictsWhilePressureLasts.NONE,
                "memory available", 2_000L, 33_000L)));
    }

    private static List<TraceEvent> deletedAndStopped(long at) {
        List<TraceEvent> out = new ArrayList<>(List.of(deleted(at)));
        out.addAll(stopped(at + 1_000));
        return out;
    }

    @Test
    void should_hold_before_the_threshold_is_surely_met() {
        // GIVEN only critical and small run: 700Mi leave 324Mi available
        var trial = node(List.of(), Map.of("small", runningFrom1s(), "critical", runningFrom1s()));

        assertThat(LASTING.check(trial)).isEqualTo(Verdict.HOLDS);
    }
}
