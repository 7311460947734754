package dev.podcheck.conformance.invariant.sidecar;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class AlwaysRestartTest {
    static final String NEVER = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "initContainers: [{name: side, image: busybox, restartPolicy: Always}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_a_sidecar_restarts_under_restartPolicy_Never() {
        // GIVEN the pod policy is Never WHEN the sidecar exits THEN it is started again at the next relist (S-8)
        var trace = trace(running(0, "side", 0), running(1000, "app", 0), exited(2000, "side", 1, 0, 0),
                running(2500, "side", 1));

        assertThat(new AlwaysRestart().check(Trials.of(NEVER, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_an_exited_sidecar_is_never_started_again() {
        TraceEvent exit = exited(2000, "side", 1, 0, 0);
        var trace = trace(running(0, "side", 0), running(1000, "app", 0), exit);

        assertThat(new AlwaysRestart().check(Trials.of(NEVER, trace))).isEqualTo(Verdict.violated(
                "sidecar side exited at 2000 ms and was not started again by the horizon 600000 ms, though due by "
                        + "3000 ms", exit));
    }

    @Test
    void should_be_violated_when_the_first_restart_misses_the_next_relist() {
        TraceEvent exit = exited(2000, "side", 1, 0, 0);
        TraceEvent again = running(5000, "side", 1);
        var trace = trace(running(0, "side", 0), running(1000, "app", 0), exit, again);

        assertThat(new AlwaysRestart().check(Trials.of(NEVER, trace))).isEqualTo(Verdict.violated(
                "sidecar side exited at 2000 ms and was started again only at 5000 ms, after the latest due moment "
                        + "3000 ms", exit, again));
    }

    @Test
    void should_owe_no_restart_once_every_regular_container_is_done() {
        // GIVEN app exited under Never: the pod is done and its sidecars are not restarted
        var trace = trace(running(0, "side", 0), running(1000, "app", 0), exited(1500, "app", 0, 1000, 0),
                exited(2000, "side", 1, 0, 0));

        assertThat(new AlwaysRestart().check(Trials.of(NEVER, trace))).isEqualTo(Verdict.HOLDS);
    }
}
