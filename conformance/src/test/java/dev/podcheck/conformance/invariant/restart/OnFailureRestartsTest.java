package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class OnFailureRestartsTest {
    static final String ON_FAILURE = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: OnFailure, "
            + "containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_the_container_restarts_after_a_non_zero_exit() {
        // GIVEN app exits 1 and is started again
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(2000, "app", 1));

        assertThat(new OnFailureRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_a_liveness_kill_restarts_a_container_that_exited_0_on_SIGTERM() {
        // GIVEN a liveness kill: the restart is in the kill's SyncPod, whatever the code
        var trace = trace(running(0, "app", 0),
                killing(5000, "app", "Container app failed liveness probe, will be restarted"), sigterm(5000, "app"),
                exited(6000, "app", 0, 0, 0), running(6000, "app", 1));

        assertThat(new OnFailureRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_container_restarts_after_exit_0() {
        // GIVEN app exits 0 by itself WHEN it is started again THEN OnFailure is broken
        TraceEvent exit = exited(1000, "app", 0, 0, 0);
        TraceEvent again = running(2000, "app", 1);
        var trace = trace(running(0, "app", 0), exit, again);

        assertThat(new OnFailureRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.violated(
                "app was started again at 2000 ms under restartPolicy OnFailure after a run that exited 0 at 1000 ms "
                        + "without a probe kill", exit, again));
    }

    @Test
    void should_be_unknown_when_the_end_of_the_run_before_is_not_observed() {
        var trace = trace(running(0, "app", 0), running(5000, "app", 1));

        assertThat(new OnFailureRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.unknown(
                "the end of the run of app started at 0 ms is not observed before its next run"));
    }

    @Test
    void should_not_judge_a_pod_under_restartPolicy_Always() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 0, 0, 0), running(2000, "app", 1));

        assertThat(new OnFailureRestarts().check(Trials.of(CountMonotoneTest.POD, trace))).isEqualTo(Verdict.HOLDS);
    }
}
