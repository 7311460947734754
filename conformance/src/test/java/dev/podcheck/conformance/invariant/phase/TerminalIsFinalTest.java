package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class TerminalIsFinalTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_the_pod_stays_Failed() {
        // GIVEN a pod that runs and then fails for good
        var trace = trace(phase(0, PodPhase.Pending), phase(1000, PodPhase.Running), phase(5000, PodPhase.Failed),
                phase(6000, PodPhase.Failed, "DeadlineExceeded"));
        // WHEN checked THEN it holds: a new reason is no new phase
        assertThat(new TerminalIsFinal().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_Succeeded_pod_runs_again() {
        TraceEvent done = phase(5000, PodPhase.Succeeded);
        TraceEvent again = phase(7000, PodPhase.Running);
        var trace = trace(phase(0, PodPhase.Pending), done, again);

        assertThat(new TerminalIsFinal().check(Trials.of(POD, trace))).isEqualTo(
                Verdict.violated("the pod left terminal phase Succeeded for Running at 7000 ms", done, again));
    }
}
