package dev.podcheck.conformance.invariant.termination;

import static dev.podcheck.conformance.invariant.probe.Events.exited;
import static dev.podcheck.conformance.invariant.probe.Events.killing;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class StoppedWithinGraceTest {
    /** Grace 5 s: the stop must end by 5 s + the 2 s minimum + the next relist. */
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {terminationGracePeriodSeconds: 5, "
            + "containers: [{name: app, image: busybox}]}}";
    static final String STOP = "Stopping container app";

    @Test
    void should_hold_when_the_container_exits_at_the_end_of_its_grace() {
        var t = trace(running(0, "app", true, true), killing(1000, "app", STOP), exited(6000, "app", 0, 137, false));
        assertThat(new StoppedWithinGrace().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_container_outlives_grace_plus_2_s_plus_a_relist() {
        // GIVEN a stop at 1 s with a 5 s grace WHEN app exits at 9.001 s THEN it was owed by 9 s
        TraceEvent kill = killing(1000, "app", STOP);
        var t = trace(running(0, "app", true, true), kill, exited(9001, "app", 0, 137, false));
        assertThat(new StoppedWithinGrace().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "app began to stop at 1000 ms (grace at most 5 s) and had not exited by 9000 ms", kill));
    }

    @Test
    void should_be_violated_when_a_stopped_container_never_exits() {
        TraceEvent kill = killing(1000, "app", STOP);
        var t = trace(running(0, "app", true, true), kill);
        assertThat(new StoppedWithinGrace().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "app began to stop at 1000 ms (grace at most 5 s) and had not exited by 9000 ms", kill));
    }

    /** A liveness kill: the pod worker is held until its run exits, which must not move its own bound. */
    static final String LIVENESS = "Container app failed liveness probe, will be restarted";

    @Test
    void should_be_violated_when_a_probe_killed_container_never_exits() {
        TraceEvent kill = killing(1000, "app", LIVENESS);
        var t = trace(running(0, "app", true, true), kill);
        assertThat(new StoppedWithinGrace().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "app began to stop at 1000 ms (grace at most 5 s) and had not exited by 9000 ms", kill));
    }

    @Test
    void should_hold_when_no_status_shows_the_exit_but_the_next_run_of_the_container_shows() {
        // kubelet v1.34 seed 1 trial 6: from one Running instance straight to the next
        var next = new TraceEvent.ContainerStatusChanged(1600,
                new ContainerStatus("app", new ContainerState.Running(1500), null, 1, false, true));
        var t = trace(running(0, "app", true, true), killing(1000, "app", LIVENESS), next);
        assertThat(new StoppedWithinGrace().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_the_pod_goes_before_the_restart_that_would_show_a_probe_kill_exit() {
        // the kill's SyncPod restarts app, which takes 5 s: its exit shows only then, and the pod is gone first
        String slowStart = "{apiVersion: v1, kind: Pod, metadata: {name: p, annotations: {podcheck.dev/scenario: "
                + "'containers: {app: [{startAfter: 5s}]}'}}, spec: {terminationGracePeriodSeconds: 5, "
                + "containers: [{name: app, image: busybox}]}}";
        var t = trace(running(0, "app", true, true), killing(1000, "app", LIVENESS), new TraceEvent.PodRemoved(12000));
        assertThat(new StoppedWithinGrace().check(Trials.of(slowStart, t))).isEqualTo(Verdict.HOLDS);
    }
}
