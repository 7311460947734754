package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.restart.Events.crashLoop;
import static dev.podcheck.conformance.invariant.restart.Events.phase;
import static dev.podcheck.conformance.invariant.restart.Events.running;
import static dev.podcheck.conformance.invariant.restart.Events.terminated;
import static dev.podcheck.conformance.invariant.restart.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class NoReturnToPendingTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: "
            + "[{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_a_crash_looping_pod_stays_Running() {
        var t = trace(phase(0, PodPhase.Pending), running(1000, "app", 0), phase(1000, PodPhase.Running),
                crashLoop(5000, "app", terminated(1, 1000, 5000), 0), running(15000, "app", 1));
        assertThat(new NoReturnToPending().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_phase_goes_back_to_Pending() {
        // GIVEN a Running pod WHEN a terminal phase is held back (SM-3) as Pending THEN it went back
        TraceEvent running = phase(1000, PodPhase.Running);
        TraceEvent pending = phase(6000, PodPhase.Pending);
        var t = trace(phase(0, PodPhase.Pending), running(1000, "app", 0), running, pending,
                phase(7000, PodPhase.Failed));
        assertThat(new NoReturnToPending().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "the pod phase went back from Running to Pending at 6000 ms", running, pending));
    }
}
