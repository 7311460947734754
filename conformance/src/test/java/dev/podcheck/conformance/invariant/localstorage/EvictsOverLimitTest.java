package dev.podcheck.conformance.invariant.localstorage;

import static dev.podcheck.conformance.invariant.localstorage.LocalStorageTrials.*;
import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import org.junit.jupiter.api.Test;

class EvictsOverLimitTest {
    @Test
    void should_hold_when_the_pod_is_evicted_at_the_next_pass() {
        var trace = trace(started(1000, "a"), started(1000, "b"), evicted(10000, B_MESSAGE));

        assertThat(new EvictsOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_the_use_stays_below_every_limit() {
        var trace = trace(started(1000, "a"), started(1000, "b"));

        assertThat(new EvictsOverLimit().check(Trials.of(pod("90Mi", ""), trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_for_a_critical_pod_never_evicted() {
        var trace = trace(started(1000, "a"), started(1000, "b"));

        assertThat(new EvictsOverLimit().check(Trials.of(pod("150Mi", "priority: 2000000000"), trace)))
                .isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_the_pod_is_deleted_before_it_is_due() {
        var trace = trace(started(1000, "a"), started(1000, "b"), deletion(20000, 30));

        assertThat(new EvictsOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_pod_stays_over_its_limit_past_the_bound() {
        // GIVEN b over its limit from 6 s (started 1 s, writes from 5 s after), judged from the next whole second 7 s
        var trace = trace(started(1000, "a"), started(1000, "b"), evicted(39000, B_MESSAGE));

        assertThat(new EvictsOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.violated(
                "pod writer was over its local storage limit from 7000 ms to 38000 ms (" + B_MESSAGE + ") and was "
                        + "not evicted"));
    }
}
