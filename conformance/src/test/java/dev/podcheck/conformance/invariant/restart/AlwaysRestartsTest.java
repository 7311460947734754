package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class AlwaysRestartsTest {
    static final String POD = CountMonotoneTest.POD;
    static final String TWO = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox}, "
            + "{name: web, image: nginx, lifecycle: {postStart: {exec: {command: [sh]}}}}]}}";

    @Test
    void should_hold_when_the_first_exit_restarts_by_the_next_relist() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1500, "app", 1));

        assertThat(new AlwaysRestarts().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_first_exit_restarts_after_the_next_relist() {
        // GIVEN no back-off is in force for a first exit WHEN the restart waits 2 s THEN it is late
        TraceEvent exit = exited(1000, "app", 1, 0, 0);
        TraceEvent again = running(3000, "app", 1);
        var trace = trace(running(0, "app", 0), exit, again);

        assertThat(new AlwaysRestarts().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app exited at 1000 ms and was started again only at 3000 ms, after the latest due moment 2000 ms",
                exit, again));
    }

    @Test
    void should_allow_the_back_off_plus_one_resync_then_be_violated() {
        // GIVEN a 10 s back-off after the second exit: due by the first resync after it, 90 s at most
        TraceEvent exit = exited(2000, "app", 1, 1500, 1);
        TraceEvent again = running(103000, "app", 2);
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(1500, "app", 1), exit, again);

        assertThat(new AlwaysRestarts().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app exited at 2000 ms and was started again only at 103000 ms, after the latest due moment 102000 ms",
                exit, again));
    }

    @Test
    void should_be_violated_when_an_exited_container_never_restarts_before_the_horizon() {
        TraceEvent exit = exited(1000, "app", 1, 0, 0);
        var trace = trace(running(0, "app", 0), exit);

        assertThat(new AlwaysRestarts().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app exited at 1000 ms and was not started again by the horizon 600000 ms, though due by 2000 ms", exit));
    }

    @Test
    void should_owe_no_restart_once_the_pod_is_being_deleted() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), deletion(1500, 30));

        assertThat(new AlwaysRestarts().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_the_horizon_comes_within_the_back_off_bound() {
        TraceEvent exit = exited(599500, "app", 1, 0, 0);
        var trace = trace(running(0, "app", 0), exit);

        assertThat(new AlwaysRestarts().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_allow_a_restart_after_another_containers_postStart_released_the_pod_worker() {
        // GIVEN web's start (its postStart until 50 s) holds the pod worker when app exits (S-3b)
        var trace = trace(running(0, "app", 0), new TraceEvent.HookStarted(500, "web", TraceEvent.Hook.postStart),
                exited(1000, "app", 1, 0, 0), new TraceEvent.HookFinished(50000, "web", TraceEvent.Hook.postStart, false),
                running(50000, "web", 500, 0), running(60000, "app", 1));

        assertThat(new AlwaysRestarts().check(Trials.of(TWO, trace))).isEqualTo(Verdict.HOLDS);
    }
}
