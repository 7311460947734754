package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class SucceededMeansAllExitedZeroTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: OnFailure, "
            + "containers: [{name: app, image: busybox}, {name: log, image: busybox}]}}";

    @Test
    void should_hold_when_every_regular_container_exited_0() {
        var trace = trace(running(0, "app", 0), running(0, "log", 0), exited(3000, "app", 0, 0, 0),
                exited(4000, "log", 0, 0, 0), phase(4000, PodPhase.Succeeded));

        assertThat(new SucceededMeansAllExitedZero().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_container_waits_after_a_run_in_a_Succeeded_pod() {
        // GIVEN log waits to be restarted after a failure: stopped, but not succeeded (getPhase)
        TraceEvent logWaits = crashLoop(3000, "log", terminated(1, 0, 3000), 0);
        TraceEvent done = phase(4000, PodPhase.Succeeded);
        var trace = trace(running(0, "app", 0), running(0, "log", 0), logWaits, exited(4000, "app", 0, 0, 0), done);

        assertThat(new SucceededMeansAllExitedZero().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod is Succeeded at 4000 ms but log is waiting (CrashLoopBackOff)", logWaits, done));
    }
}
