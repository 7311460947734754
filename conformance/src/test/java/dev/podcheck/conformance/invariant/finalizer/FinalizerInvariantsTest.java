package dev.podcheck.conformance.invariant.finalizer;

import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.FinalizersRemoved;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-built traces of a pod with a finalizer, as test/e2e_node/deleted_pods_test.go creates them. */
class FinalizerInvariantsTest {
    static final String HELD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, finalizers: [example.com/test-finalizer]}
            spec:
              terminationGracePeriodSeconds: 1
              containers: [{name: app, image: busybox}]
            """;
    static final String FREE = HELD.replace(", finalizers: [example.com/test-finalizer]", "");

    static final TraceEvent RUNNING = new PodPhaseChanged(0, PodPhase.Running, "", "");
    static final TraceEvent DELETE = new DeletionRequested(10_000, 1, false, 11_000);
    static final TraceEvent FAILED = new PodPhaseChanged(12_000, PodPhase.Failed, "", "");

    @Nested
    class HoldsRemovalTest {
        @Test
        void should_be_violated_when_the_kubelets_final_delete_removes_a_held_pod() {
            // GIVEN a finalizer WHEN the pod goes at its terminal phase THEN the finalizer was ignored
            TraceEvent removed = new PodRemoved(12_000);
            var t = trace(RUNNING, DELETE, FAILED, removed);
            assertThat(new HoldsRemoval().check(Trials.of(HELD, t))).isEqualTo(Verdict.violated(
                    "the pod was removed at 12000 ms while its finalizers [example.com/test-finalizer] were still set",
                    removed));
        }

        @Test
        void should_hold_when_the_removal_follows_the_finalizers() {
            var t = trace(RUNNING, DELETE, FAILED, new FinalizersRemoved(60_000), new PodRemoved(60_000));
            assertThat(new HoldsRemoval().check(Trials.of(HELD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_hold_for_a_pod_without_finalizers() {
            var t = trace(RUNNING, DELETE, FAILED, new PodRemoved(12_000));
            assertThat(new HoldsRemoval().check(Trials.of(FREE, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class FinalStatusReadableTest {
        @Test
        void should_hold_when_the_held_pod_turns_failed_within_the_grace_and_slack() {
            var t = trace(RUNNING, DELETE, FAILED);
            assertThat(new FinalStatusReadable().check(Trials.of(HELD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_held_pod_never_shows_a_terminal_phase() {
            // GIVEN a DELETE with grace 1 at 10 s THEN a terminal phase is due by 16 s; none by the horizon
            var t = trace(RUNNING, DELETE);
            assertThat(new FinalStatusReadable().check(Trials.of(HELD, t))).isEqualTo(Verdict.violated(
                    "the pod, deleted at 10000 ms with a grace of 1 s, showed no terminal phase until the end", DELETE));
        }

        @Test
        void should_be_violated_when_the_terminal_phase_comes_late() {
            TraceEvent late = new PodPhaseChanged(16_001, PodPhase.Failed, "", "");
            var t = trace(RUNNING, DELETE, late);
            assertThat(new FinalStatusReadable().check(Trials.of(HELD, t))).isEqualTo(Verdict.violated(
                    "the pod, deleted at 10000 ms with a grace of 1 s, showed no terminal phase until 16001 ms",
                    DELETE, late));
        }

        @Test
        void should_hold_when_the_finalizers_went_first_and_a_force_delete_removed_the_pod() {
            // FZ-3: deletionGracePeriodSeconds 0 and no finalizer left: removed at once, before any terminal phase
            TraceEvent force = new DeletionRequested(10_000, 0, true, 10_000);
            var t = trace(RUNNING, force, new FinalizersRemoved(10_000), new PodRemoved(10_000));
            assertThat(new FinalStatusReadable().check(Trials.of(HELD, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class RemovedOnceReleasedTest {
        @Test
        void should_hold_when_the_pod_goes_with_its_last_finalizer() {
            var t = trace(RUNNING, DELETE, FAILED, new FinalizersRemoved(60_000), new PodRemoved(60_000));
            assertThat(new RemovedOnceReleased().check(Trials.of(HELD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_released_terminal_deleted_pod_stays() {
            // GIVEN deleted, Failed, then released at 60 s WHEN the object is still there THEN violated
            TraceEvent released = new FinalizersRemoved(60_000);
            var t = trace(RUNNING, DELETE, FAILED, released);
            assertThat(new RemovedOnceReleased().check(Trials.of(HELD, t))).isEqualTo(Verdict.violated(
                    "the pod, deleted at 10000 ms, terminal at 12000 ms, its finalizers removed at 60000 ms, "
                            + "was still there at the end", DELETE, FAILED, released));
        }

        @Test
        void should_be_violated_when_the_kubelets_final_delete_comes_late_after_an_early_release() {
            TraceEvent released = new FinalizersRemoved(5_000);
            TraceEvent removed = new PodRemoved(13_000);
            var t = trace(RUNNING, released, DELETE, FAILED, removed);
            assertThat(new RemovedOnceReleased().check(Trials.of(HELD, t))).isEqualTo(Verdict.violated(
                    "the pod, deleted at 10000 ms, terminal at 12000 ms, its finalizers removed at 5000 ms, "
                            + "was still there at 13000 ms", DELETE, FAILED, released, removed));
        }

        @Test
        void should_hold_while_the_finalizers_stay() {
            var t = trace(RUNNING, DELETE, FAILED);
            assertThat(new RemovedOnceReleased().check(Trials.of(HELD, t))).isEqualTo(Verdict.HOLDS);
        }
    }
}
