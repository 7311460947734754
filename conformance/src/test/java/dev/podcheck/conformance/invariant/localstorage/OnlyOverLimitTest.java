package dev.podcheck.conformance.invariant.localstorage;

import static dev.podcheck.conformance.invariant.localstorage.LocalStorageTrials.*;
import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class OnlyOverLimitTest {
    @Test
    void should_hold_for_the_container_message_when_b_alone_is_over_its_limit() {
        // GIVEN b at 150Mi from 6 s: over its 100Mi, while the pod's 160Mi is within the 200Mi sum
        var trace = trace(started(1000, "a"), started(1000, "b"), evicted(10000, B_MESSAGE));

        assertThat(new OnlyOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_for_the_pod_message_when_the_sum_is_exceeded() {
        var trace = trace(started(1000, "a"), started(1000, "b"), evicted(10000, POD_MESSAGE));

        assertThat(new OnlyOverLimit().check(Trials.of(pod("250Mi", ""), trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_for_a_run_that_started_in_the_same_millisecond_as_its_predecessor_ended() {
        // GIVEN b's first run exits at once and the next starts in that millisecond, writing 150Mi from 5 s: the
        // first run's terminated status (startedAt 1000) must not be read as the second's end
        String pod = pod("150Mi", "").replace("b: {disk: [{from: 5s, bytes: 150Mi}]}",
                "b: [{exit: {after: 0s, code: 1}}, {disk: [{from: 5s, bytes: 150Mi}]}]");
        var trace = trace(started(1000, "a"), started(1000, "b"), exited(1000, "b", 1, 1000, 0), started(1000, "b"),
                running(1000, "b", 1000, 1), evicted(10000, B_MESSAGE));

        assertThat(new OnlyOverLimit().check(Trials.of(pod, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_see_a_run_end_whose_restart_count_went_down_after_a_sandbox_loss() {
        // GIVEN b's second run, started after a sandbox loss with restartCount 0 again (SB-5), writes 150Mi from 5 s
        // after its start but exits at 4 s: at 10 s nothing of b runs
        String pod = pod("150Mi", "").replace("b: {disk: [{from: 5s, bytes: 150Mi}]}",
                "b: [{exit: {after: 1s, code: 1}}, {disk: [{from: 5s, bytes: 150Mi}]}]");
        TraceEvent ev = evicted(10000, B_MESSAGE);
        var trace = trace(started(1000, "a"), started(1000, "b"), running(1000, "b", 1000, 0), exited(2000, "b", 1, 1000, 0),
                started(3000, "b"), running(3000, "b", 3000, 0), exited(4000, "b", 1, 3000, 0), ev);

        assertThat(new OnlyOverLimit().check(Trials.of(pod, trace))).isEqualTo(Verdict.violated(
                "pod writer was evicted at 10000 ms with \"" + B_MESSAGE + "\", but its disk use was over none of its "
                        + "limits", ev));
    }

    @Test
    void should_be_violated_by_an_eviction_before_the_use_crosses_the_limit() {
        // GIVEN b writes its 150Mi only from 6 s
        TraceEvent ev = evicted(5000, B_MESSAGE);
        var trace = trace(started(1000, "a"), started(1000, "b"), ev);

        assertThat(new OnlyOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.violated(
                "pod writer was evicted at 5000 ms with \"" + B_MESSAGE + "\", but its disk use was over none of its "
                        + "limits", ev));
    }

    @Test
    void should_be_violated_by_the_wrong_message() {
        // GIVEN b over its own limit, the pod within its sum: the pod message is wrong
        TraceEvent ev = evicted(10000, POD_MESSAGE);
        var trace = trace(started(1000, "a"), started(1000, "b"), ev);

        assertThat(new OnlyOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.violated(
                "pod writer was evicted at 10000 ms with \"" + POD_MESSAGE + "\", but its disk use was over "
                        + B_MESSAGE, ev));
    }

    @Test
    void should_be_violated_by_evicting_a_critical_pod() {
        TraceEvent ev = evicted(10000, B_MESSAGE);
        var trace = trace(started(1000, "a"), started(1000, "b"), ev);

        assertThat(new OnlyOverLimit().check(Trials.of(pod("150Mi", "priority: 2000000000"), trace)))
                .isEqualTo(Verdict.violated("pod writer, of critical priority, was evicted for local storage at "
                        + "10000 ms", ev));
    }

    @Test
    void should_ignore_memory_evictions() {
        var trace = trace(started(1000, "a"), started(1000, "b"),
                new TraceEvent.PodEvicted(3000, "memory", "The node was low on resource: memory. "));

        assertThat(new OnlyOverLimit().check(Trials.of(pod("150Mi", ""), trace))).isEqualTo(Verdict.HOLDS);
    }
}
