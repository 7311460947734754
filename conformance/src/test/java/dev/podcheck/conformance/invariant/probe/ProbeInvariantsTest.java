package dev.podcheck.conformance.invariant.probe;

import static dev.podcheck.conformance.invariant.probe.Events.killing;
import static dev.podcheck.conformance.invariant.probe.Events.probe;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProbeInvariantsTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: busybox
                startupProbe: {exec: {command: ["true"]}}
                livenessProbe: {exec: {command: ["true"]}, initialDelaySeconds: 5, failureThreshold: 2}
                readinessProbe: {exec: {command: ["true"]}}
            """;
    static final String KILL = "Container app failed liveness probe, will be restarted";

    @Nested
    class StartupGatesOthersTest {
        @Test
        void should_hold_when_liveness_runs_after_startup_succeeded() {
            // GIVEN an instance whose startup probe passed WHEN liveness runs later THEN it holds
            var t = trace(running(0, "app", false, false), probe(1000, "app", ProbeKind.startup, true),
                    probe(6000, "app", ProbeKind.liveness, true));
            assertThat(new StartupGatesOthers().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_readiness_runs_before_startup_succeeded_in_a_new_instance() {
            // GIVEN startup passed in the first instance only WHEN readiness runs in the second THEN violated
            TraceEvent early = probe(21000, "app", ProbeKind.readiness, false);
            var t = trace(running(0, "app", false, false), probe(1000, "app", ProbeKind.startup, true),
                    running(20000, "app", false, false), early);
            assertThat(new StartupGatesOthers().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app readiness probe ran at 21000 ms before its startup probe succeeded in the instance "
                            + "started at 20000 ms", early));
        }
    }

    @Nested
    class InitialDelayTest {
        @Test
        void should_hold_at_exactly_the_initial_delay() {
            var t = trace(running(1000, "app", false, true), probe(6000, "app", ProbeKind.liveness, true));
            assertThat(new InitialDelay().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_liveness_runs_before_the_initial_delay() {
            TraceEvent early = probe(5999, "app", ProbeKind.liveness, true);
            var t = trace(running(1000, "app", false, true), early);
            assertThat(new InitialDelay().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app liveness probe ran at 5999 ms, 4999 ms after the instance started at 1000 ms, "
                            + "before its initialDelaySeconds 5", early));
        }
    }

    @Nested
    class LivenessThresholdTest {
        @Test
        void should_hold_after_failureThreshold_consecutive_failures() {
            var t = trace(running(0, "app", false, true), probe(10000, "app", ProbeKind.liveness, false),
                    probe(20000, "app", ProbeKind.liveness, false), killing(20000, "app", KILL));
            assertThat(FailureThreshold.liveness().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_success_breaks_the_run() {
            TraceEvent fail1 = probe(10000, "app", ProbeKind.liveness, false);
            TraceEvent ok = probe(20000, "app", ProbeKind.liveness, true);
            TraceEvent fail2 = probe(30000, "app", ProbeKind.liveness, false);
            TraceEvent kill = killing(30000, "app", KILL);
            var t = trace(running(0, "app", false, true), fail1, ok, fail2, kill);
            assertThat(FailureThreshold.liveness().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app was killed for liveness at 30000 ms after 1 consecutive failed liveness results since its "
                            + "last liveness kill; its failureThreshold is 2", List.of(ok, fail2, kill)));
        }

        @Test
        void should_hold_when_failures_of_an_earlier_instance_count_as_the_kubelet_counts_them() {
            // worker.go keeps resultRun across container IDs; only a committed liveness failure resets it
            var t = trace(running(0, "app", false, true), probe(10000, "app", ProbeKind.liveness, false),
                    running(20000, "app", false, true), probe(30000, "app", ProbeKind.liveness, false),
                    killing(30000, "app", KILL));
            assertThat(FailureThreshold.liveness().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_failures_before_the_last_liveness_kill_are_counted() {
            TraceEvent fail3 = probe(50000, "app", ProbeKind.liveness, false);
            TraceEvent kill2 = killing(50000, "app", KILL);
            var t = trace(running(0, "app", false, true), probe(10000, "app", ProbeKind.liveness, false),
                    probe(20000, "app", ProbeKind.liveness, false), killing(20000, "app", KILL),
                    running(40000, "app", false, true), fail3, kill2);
            assertThat(FailureThreshold.liveness().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app was killed for liveness at 50000 ms after 1 consecutive failed liveness results since its last "
                            + "liveness kill; its failureThreshold is 2", List.of(fail3, kill2)));
        }
    }

    @Nested
    class StartupThresholdTest {
        static final String STARTUP_KILL = "Container app failed startup probe, will be restarted";

        @Test
        void should_hold_after_failureThreshold_consecutive_startup_failures() {
            // GIVEN the startup probe's default failureThreshold 3 WHEN the third failure kills THEN it holds
            var t = trace(running(0, "app", false, false), probe(10000, "app", ProbeKind.startup, false),
                    probe(20000, "app", ProbeKind.startup, false), probe(30000, "app", ProbeKind.startup, false),
                    killing(30000, "app", STARTUP_KILL));
            assertThat(FailureThreshold.startup().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_startup_kill_comes_one_failure_early() {
            TraceEvent fail1 = probe(10000, "app", ProbeKind.startup, false);
            TraceEvent fail2 = probe(20000, "app", ProbeKind.startup, false);
            TraceEvent kill = killing(20000, "app", STARTUP_KILL);
            var t = trace(running(0, "app", false, false), fail1, fail2, kill);
            assertThat(FailureThreshold.startup().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app was killed for startup at 20000 ms after 2 consecutive failed startup results since its "
                            + "last startup kill; its failureThreshold is 3", List.of(fail1, fail2, kill)));
        }

        @Test
        void should_not_count_liveness_failures_towards_a_startup_kill() {
            TraceEvent kill = killing(20000, "app", STARTUP_KILL);
            var t = trace(running(0, "app", false, false), probe(10000, "app", ProbeKind.liveness, false),
                    probe(15000, "app", ProbeKind.liveness, false), probe(20000, "app", ProbeKind.liveness, false), kill);
            assertThat(FailureThreshold.startup().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app was killed for startup at 20000 ms after 0 consecutive failed startup results since its "
                            + "last startup kill; its failureThreshold is 3", List.of(kill)));
        }
    }

    @Nested
    class ReadinessNeverKillsTest {
        @Test
        void should_hold_when_a_liveness_kill_follows_a_liveness_failure() {
            var t = trace(running(0, "app", false, true), probe(10000, "app", ProbeKind.liveness, false),
                    killing(20000, "app", KILL));
            assertThat(new ReadinessNeverKills().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_failed_readiness_probe_kills() {
            TraceEvent kill = killing(10000, "app", "Container app failed readiness probe, will be restarted");
            var t = trace(running(0, "app", false, true), probe(10000, "app", ProbeKind.readiness, false), kill);
            assertThat(new ReadinessNeverKills().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app was killed at 10000 ms for a probe (\"Container app failed readiness probe, will be "
                            + "restarted\") although no liveness or startup probe of the instance started at 0 ms "
                            + "failed", kill));
        }
    }
}
