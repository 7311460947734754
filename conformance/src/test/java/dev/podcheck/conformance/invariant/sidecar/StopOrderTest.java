package dev.podcheck.conformance.invariant.sidecar;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class StopOrderTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: ["
            + "{name: side1, image: busybox, restartPolicy: Always}, {name: side2, image: busybox, restartPolicy: Always}], "
            + "containers: [{name: app, image: busybox}]}}";

    static TraceEvent stop(long at, String name) {
        return killing(at, name, "Stopping container " + name);
    }

    @Test
    void should_hold_when_sidecars_get_SIGTERM_after_the_app_and_in_reverse_order() {
        var trace = trace(running(0, "side1", 0), running(500, "side2", 0), running(1000, "app", 0),
                deletion(10000, 30), stop(10000, "app"), stop(10000, "side1"), stop(10000, "side2"),
                sigterm(10000, "app"), exited(11000, "app", 143, 1000, 0), sigterm(11000, "side2"),
                exited(12000, "side2", 143, 500, 0), sigterm(12000, "side1"), exited(13000, "side1", 143, 0, 0));

        assertThat(new StopOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_sidecar_gets_SIGTERM_while_the_app_still_runs() {
        TraceEvent stop = stop(10000, "side1");
        TraceEvent term = sigterm(10000, "side1");
        TraceEvent appExit = exited(11000, "app", 143, 1000, 0);
        var trace = trace(running(0, "side1", 0), running(500, "side2", 0), running(1000, "app", 0),
                deletion(10000, 30), stop(10000, "app"), stop, stop(10000, "side2"), sigterm(10000, "app"), term,
                appExit, sigterm(11000, "side2"), exited(12000, "side2", 143, 500, 0), exited(12000, "side1", 143, 0, 0));

        assertThat(new StopOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "sidecar side1 got SIGTERM at 10000 ms while app, running when the pod stop began at 10000 ms, ran "
                        + "until 11000 ms; its grace of at least 30 s was not spent", stop, term, appExit));
    }

    @Test
    void should_be_violated_when_a_sidecar_gets_SIGTERM_before_the_later_sidecar_terminated() {
        TraceEvent stop = stop(10000, "side1");
        TraceEvent term = sigterm(11000, "side1");
        TraceEvent side2Exit = exited(12000, "side2", 143, 500, 0);
        var trace = trace(running(0, "side1", 0), running(500, "side2", 0), running(1000, "app", 0),
                deletion(10000, 30), stop(10000, "app"), stop, stop(10000, "side2"), sigterm(10000, "app"),
                exited(11000, "app", 143, 1000, 0), sigterm(11000, "side2"), term, side2Exit,
                exited(12000, "side1", 143, 0, 0));

        assertThat(new StopOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "sidecar side1 got SIGTERM at 11000 ms while side2, running when the pod stop began at 10000 ms, ran "
                        + "until 12000 ms; its grace of at least 30 s was not spent", stop, term, side2Exit));
    }

    @Test
    void should_hold_when_the_grace_ran_out_before_the_app_terminated() {
        // GIVEN a DELETE with 2 s: the sidecar's wait ends with its grace (T-8)
        var trace = trace(running(0, "side1", 0), running(1000, "app", 0), deletion(10000, 2), stop(10000, "app"),
                stop(10000, "side1"), sigterm(10000, "app"), sigterm(12000, "side1"), exited(14000, "app", 137, 1000, 0),
                exited(14000, "side1", 143, 0, 0));

        assertThat(new StopOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_not_order_a_probe_kill_of_a_sidecar() {
        var trace = trace(running(0, "side1", 0), running(1000, "app", 0),
                killing(5000, "side1", "Container side1 failed liveness probe, will be restarted"), sigterm(5000, "side1"),
                exited(6000, "side1", 143, 0, 0));

        assertThat(new StopOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }
}
