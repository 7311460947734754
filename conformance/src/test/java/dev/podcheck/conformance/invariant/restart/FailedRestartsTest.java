package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class FailedRestartsTest {
    static final String ON_FAILURE = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: OnFailure, "
            + "containers: [{name: app, image: busybox}]}}";
    static final String INIT = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: "
            + "[{name: setup, image: busybox}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_a_failed_container_restarts_by_the_next_relist() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(2000, "app", 1));

        assertThat(new FailedRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_failed_container_is_never_started_again() {
        // GIVEN OnFailure WHEN app exits 1 and stays exited THEN its restart, owed by the next relist, is missing
        TraceEvent exit = exited(1000, "app", 1, 0, 0);
        var trace = trace(running(0, "app", 0), exit);

        assertThat(new FailedRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.violated(
                "app failed at 1000 ms and was not started again by the horizon 600000 ms, though due by 2000 ms", exit));
    }

    @Test
    void should_owe_nothing_after_an_exit_0_under_OnFailure() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 0, 0, 0));

        assertThat(new FailedRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.HOLDS);
    }

    /** The engine's counterexample: later SyncPods ask ShouldContainerBeRestarted, which says no to exit 0. */
    @Test
    void should_owe_nothing_after_a_probe_kill_that_exited_0() {
        var trace = trace(running(0, "app", 0), killing(30000, "app", "Container app failed liveness probe, will be "
                + "restarted"), exited(30000, "app", 0, 0, 0));

        assertThat(new FailedRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_failed_init_container_restarts_late_under_Always() {
        // GIVEN Always: a failed regular init container is retried as under OnFailure (S-9)
        TraceEvent exit = exited(1000, "setup", 1, 0, 0);
        TraceEvent again = running(2500, "setup", 1);
        var trace = trace(running(0, "setup", 0), exit, again);

        assertThat(new FailedRestarts().check(Trials.of(INIT, trace))).isEqualTo(Verdict.violated(
                "setup failed at 1000 ms and was started again only at 2500 ms, after the latest due moment 2000 ms",
                exit, again));
    }

    @Test
    void should_owe_no_restart_once_the_pod_is_being_deleted() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), deletion(1500, 30));

        assertThat(new FailedRestarts().check(Trials.of(ON_FAILURE, trace))).isEqualTo(Verdict.HOLDS);
    }
}
