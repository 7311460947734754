package dev.podcheck.conformance.invariant.probe;

import static dev.podcheck.conformance.invariant.probe.Events.exited;
import static dev.podcheck.conformance.invariant.probe.Events.killing;
import static dev.podcheck.conformance.invariant.probe.Events.probe;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Table-driven over the two probes that kill: the same threshold rule for liveness and startup. */
class KillAtThresholdTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: busybox
                livenessProbe: {exec: {command: ["true"]}, failureThreshold: 2}
                startupProbe: {exec: {command: ["true"]}, failureThreshold: 2}
            """;

    static String kill(ProbeKind kind) {
        return "Container app failed " + kind + " probe, will be restarted";
    }

    @ParameterizedTest
    @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
    void should_hold_when_the_kill_comes_with_the_threshold_failure(ProbeKind kind) {
        var t = trace(running(0, "app", false, true), probe(10000, "app", kind, false),
                probe(20000, "app", kind, false), killing(20500, "app", kill(kind)));
        assertThat(new KillAtThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @ParameterizedTest
    @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
    void should_be_violated_when_no_kill_follows_failureThreshold_failures(ProbeKind kind) {
        // GIVEN two failures in a row (failureThreshold 2) WHEN nothing kills app THEN the kill owed by 21 s is missing
        TraceEvent second = probe(20000, "app", kind, false);
        var t = trace(running(0, "app", false, true), probe(10000, "app", kind, false), second,
                probe(30000, "app", kind, false));
        assertThat(new KillAtThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "app failed 2 " + kind + " probes in a row by 20000 ms (failureThreshold 2) and was not killed by "
                        + "21000 ms", second));
    }

    @ParameterizedTest
    @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
    void should_owe_no_kill_when_a_success_breaks_the_run(ProbeKind kind) {
        var t = trace(running(0, "app", false, true), probe(10000, "app", kind, false),
                probe(20000, "app", kind, true), probe(30000, "app", kind, false));
        assertThat(new KillAtThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @ParameterizedTest
    @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
    void should_owe_no_kill_when_the_container_exits_first(ProbeKind kind) {
        var t = trace(running(0, "app", false, true), probe(10000, "app", kind, false),
                probe(20000, "app", kind, false), exited(20200, "app", 0, 1, false));
        assertThat(new KillAtThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @ParameterizedTest
    @EnumSource(value = ProbeKind.class, names = {"liveness", "startup"})
    void should_owe_no_kill_while_another_container_s_postStart_holds_the_pod_worker(ProbeKind kind) {
        // seed 109 trial 6141 of a 10,000-trial run: side's start began at 15 s, its postStart outlasts the trace
        var t = trace(running(0, "app", false, true), probe(10000, "app", kind, false),
                new TraceEvent.KubeletEvent(15000, "Started", "side", "Started container side"),
                new TraceEvent.HookStarted(15000, "side", TraceEvent.Hook.postStart), probe(20000, "app", kind, false),
                probe(30000, "app", kind, false));
        assertThat(new KillAtThreshold().check(Trials.of(POD_WITH_SIDE, t))).isEqualTo(Verdict.HOLDS);
    }

    static final String POD_WITH_SIDE = POD + """
              - name: side
                image: busybox
                lifecycle: {postStart: {exec: {command: ["true"]}}}
            """;
}
