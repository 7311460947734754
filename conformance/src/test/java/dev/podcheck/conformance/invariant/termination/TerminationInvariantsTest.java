package dev.podcheck.conformance.invariant.termination;

import static dev.podcheck.conformance.invariant.probe.Events.killing;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.signal;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TerminationInvariantsTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              terminationGracePeriodSeconds: 0
              containers:
              - name: app
                image: busybox
                lifecycle: {preStop: {exec: {command: ["true"]}}}
            """;
    static final String STOP = "Stopping container app";

    @Nested
    class PreStopBeforeSigtermTest {
        @Test
        void should_hold_when_sigterm_follows_the_finished_hook() {
            var t = trace(running(0, "app", true, true), killing(1000, "app", STOP),
                    new TraceEvent.HookStarted(1000, "app", Hook.preStop),
                    new TraceEvent.HookFinished(1500, "app", Hook.preStop, false), signal(1500, "app", Signal.SIGTERM));
            assertThat(new PreStopBeforeSigterm().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        /** The engine's counterexample: a deadline stop with terminationGracePeriodSeconds 0 skipped preStop. */
        @Test
        void should_be_violated_when_a_pod_stop_with_grace_0_skips_preStop() {
            // GIVEN TGPS 0: calculateEffectiveGracePeriod still gives 1 s WHEN SIGTERM comes at once THEN violated
            TraceEvent kill = killing(60000, "app", STOP);
            TraceEvent term = signal(60000, "app", Signal.SIGTERM);
            var t = trace(running(0, "app", true, true), kill, term);
            assertThat(new PreStopBeforeSigterm().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app got SIGTERM at 60000 ms without its preStop hook since the stop began at 60000 ms", kill, term));
        }
    }

    @Nested
    class MinimumTwoSecondsTest {
        @Test
        void should_be_violated_when_sigkill_follows_sigterm_within_2_s() {
            TraceEvent term = signal(1000, "app", Signal.SIGTERM);
            TraceEvent kill = signal(2999, "app", Signal.SIGKILL);
            var t = trace(running(0, "app", true, true), term, kill);
            assertThat(new MinimumTwoSeconds().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app got SIGKILL at 2999 ms, 1999 ms after SIGTERM; the runtime must wait at least 2 s", term, kill));
        }

        @Test
        void should_hold_at_2_s() {
            var t = trace(signal(1000, "app", Signal.SIGTERM), signal(3000, "app", Signal.SIGKILL));
            assertThat(new MinimumTwoSeconds().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class GraceTest {
        static final String POD_30 = POD.replace("terminationGracePeriodSeconds: 0", "terminationGracePeriodSeconds: 30");

        @Test
        void should_hold_when_sigkill_comes_after_the_grace_left_by_preStop() {
            var t = trace(killing(0, "app", STOP), signal(10500, "app", Signal.SIGTERM),
                    signal(30500, "app", Signal.SIGKILL));
            assertThat(new Grace().check(Trials.of(POD_30, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_sigkill_cuts_the_grace_short() {
            TraceEvent stop = killing(0, "app", STOP);
            TraceEvent term = signal(10500, "app", Signal.SIGTERM);
            TraceEvent kill = signal(20000, "app", Signal.SIGKILL);
            assertThat(new Grace().check(Trials.of(POD_30, trace(stop, term, kill)))).isEqualTo(Verdict.violated(
                    "app got SIGKILL at 20000 ms, 9500 ms after SIGTERM at 10500 ms; a stop begun at 0 ms with a grace "
                            + "of at least 30 s leaves it 20 s", stop, term, kill));
        }

        @Test
        void should_hold_when_a_deadline_during_the_stop_shortens_its_grace() {
            // GIVEN a stop with 30 s; the deadline at 5 s stops the pod with its grace of 5 s (AD-2, T-6)
            String pod = POD_30.replace("terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds: 5");
            var t = trace(killing(0, "app", STOP), signal(0, "app", Signal.SIGTERM),
                    new TraceEvent.KubeletEvent(1000, "DeadlineExceeded", "", "Pod was active on the node longer than the specified deadline"),
                    signal(6000, "app", Signal.SIGKILL));
            assertThat(new Grace().check(Trials.of(pod, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class RemovalBoundTest {
        /** The engine's counterexample: deleted during initialization, removed while still Pending. */
        @Test
        void should_be_violated_when_the_pod_is_removed_before_its_phase_is_terminal() {
            TraceEvent pending = new TraceEvent.PodPhaseChanged(0, PodPhase.Pending, "", "");
            TraceEvent removed = new TraceEvent.PodRemoved(10000);
            var t = trace(pending, new TraceEvent.DeletionRequested(10000, 30, false, 40000), removed);
            assertThat(new RemovalBound().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "the pod was removed at 10000 ms while its phase was Pending", pending, removed));
        }

        @Test
        void should_hold_when_removed_once_failed_within_the_grace() {
            var t = trace(new TraceEvent.PodPhaseChanged(0, PodPhase.Running, "", ""),
                    new TraceEvent.DeletionRequested(10000, 30, false, 40000),
                    new TraceEvent.PodPhaseChanged(12000, PodPhase.Failed, "", ""), new TraceEvent.PodRemoved(12000));
            assertThat(new RemovalBound().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_hold_when_a_force_delete_removes_a_gracefully_deleted_pod_at_once() {
            // T-3: a force delete removes the object whatever its phase; force-at-once judges that
            var t = trace(new TraceEvent.PodPhaseChanged(0, PodPhase.Pending, "", ""),
                    new TraceEvent.DeletionRequested(9000, 30, false, 39000),
                    new TraceEvent.DeletionRequested(10000, 0, true, 10000), new TraceEvent.PodRemoved(10000));
            assertThat(new RemovalBound().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_removed_after_grace_and_slack() {
            TraceEvent delete = new TraceEvent.DeletionRequested(10000, 30, false, 40000);
            TraceEvent removed = new TraceEvent.PodRemoved(45001);
            var t = trace(new TraceEvent.PodPhaseChanged(0, PodPhase.Running, "", ""), delete,
                    new TraceEvent.PodPhaseChanged(45001, PodPhase.Failed, "", ""), removed);
            assertThat(new RemovalBound().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "the pod, deleted at 10000 ms with a grace of 30 s, was still there at 45001 ms", delete, removed));
        }
    }

    @Nested
    class ForceAtOnceTest {
        @Test
        void should_be_violated_when_a_forced_delete_waits() {
            TraceEvent delete = new TraceEvent.DeletionRequested(1000, 0, true, 1000);
            TraceEvent removed = new TraceEvent.PodRemoved(3000);
            assertThat(new ForceAtOnce().check(Trials.of(POD, trace(delete, removed)))).isEqualTo(Verdict.violated(
                    "a DELETE at 1000 ms with force left the pod in place until 3000 ms", delete, removed));
        }

        @Test
        void should_hold_when_a_terminal_pod_goes_at_once() {
            var t = trace(new TraceEvent.PodPhaseChanged(0, PodPhase.Succeeded, "", ""),
                    new TraceEvent.DeletionRequested(1000, 0, false, 1000), new TraceEvent.PodRemoved(1000));
            assertThat(new ForceAtOnce().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }
    }
}
