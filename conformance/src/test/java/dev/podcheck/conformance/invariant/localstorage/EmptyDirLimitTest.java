package dev.podcheck.conformance.invariant.localstorage;

import static dev.podcheck.conformance.invariant.localstorage.LocalStorageTrials.*;
import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The local storage invariants judge emptyDir volumes (SEMANTICS LS-5): each run of w writes 60Mi to the 100Mi
 * emptyDir cache from 1 s after its start and exits 1 at 5 s; what the first run wrote stays, so the second run's
 * write brings the volume to 120Mi.
 */
class EmptyDirLimitTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: writer
              annotations:
                podcheck.dev/scenario: |
                  containers:
                    w: {exit: {after: 5s, code: 1}, volumes: {cache: [{from: 1s, bytes: 60Mi}]}}
            spec:
              restartPolicy: OnFailure
              volumes: [{name: cache, emptyDir: {sizeLimit: 100Mi}}]
              containers:
              - {name: w, image: busybox, volumeMounts: [{name: cache, mountPath: /cache}]}
            """;
    private static final String MESSAGE = "Usage of EmptyDir volume \"cache\" exceeds the limit \"100Mi\". ";

    /** Runs from 1 s to 6 s and from 8 s: the volume holds 60Mi from 2 s, 120Mi from 9 s. */
    private static TraceEvent[] withTwoRuns(TraceEvent... more) {
        TraceEvent[] out = new TraceEvent[2 + more.length];
        out[0] = started(1000, "w");
        out[1] = started(8000, "w");
        System.arraycopy(more, 0, out, 2, more.length);
        return out;
    }

    @Nested
    class OnlyOverLimitJudges {
        @Test
        void should_hold_for_an_eviction_once_both_runs_wrote() {
            var trace = trace(withTwoRuns(evicted(10000, MESSAGE)));

            assertThat(new OnlyOverLimit().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_tell_apart_two_runs_started_in_the_same_millisecond() {
            // GIVEN a run killed as it started (a lost sandbox) and the next started at that same instant, 60Mi from
            // 2 s, then the third run's 60Mi from 9 s: 120Mi, over the limit, only if the second run is still alive
            // at 2 s, though the first run's terminated status has the same startedAt
            var trace = trace(started(1000, "w"), exited(1000, "w", 137, 1000, 0), started(1000, "w"),
                    started(8000, "w"), evicted(10000, MESSAGE));

            assertThat(new OnlyOverLimit().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_by_an_eviction_while_the_volume_holds_only_the_first_runs_60Mi() {
            TraceEvent ev = evicted(8500, MESSAGE);
            var trace = trace(withTwoRuns(ev));

            assertThat(new OnlyOverLimit().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                    "pod writer was evicted at 8500 ms with \"" + MESSAGE + "\", but its disk use was over none of "
                            + "its limits", ev));
        }
    }

    @Nested
    class EvictsOverLimitJudges {
        @Test
        void should_hold_when_the_pod_is_evicted_at_the_next_pass() {
            var trace = trace(withTwoRuns(evicted(10000, MESSAGE)));

            assertThat(new EvictsOverLimit().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_volume_stays_over_its_sizeLimit_past_the_bound() {
            // GIVEN the volume over its limit from 9 s, judged from the next whole second, 10 s
            var trace = trace(withTwoRuns());

            assertThat(new EvictsOverLimit().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                    "pod writer was over its local storage limit from 10000 ms to 41000 ms (" + MESSAGE + ") and was "
                            + "not evicted"));
        }
    }
}
