package dev.podcheck.conformance.invariant.init;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitOrderTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - {name: init, image: busybox}
              - {name: side, image: busybox, restartPolicy: Always}
              containers:
              - {name: app, image: busybox}
            """;

    static TraceEvent running(long at, String name, long startedAt, boolean started) {
        return new ContainerStatusChanged(at, new ContainerStatus(name, new ContainerState.Running(startedAt), null, 0, false, started));
    }

    static TraceEvent exited(long at, String name, int code) {
        return new ContainerStatusChanged(at, new ContainerStatus(name,
                new ContainerState.Terminated(code, code == 0 ? "Completed" : "Error", "", 0, at), null, 0, code == 0, false));
    }

    @Test
    void should_hold_when_each_container_waits_for_the_ones_before() {
        Trace trace = new Trace(List.of(running(0, "init", 0, true), exited(1000, "init", 0),
                running(1000, "side", 1000, true), running(1000, "app", 1000, true)));

        assertThat(new InitOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_with_a_witness_when_the_app_starts_before_init_succeeded() {
        TraceEvent appRuns = running(500, "app", 500, true);
        TraceEvent initDone = exited(1000, "init", 0);
        Trace trace = new Trace(List.of(running(0, "init", 0, true), appRuns, initDone, running(1000, "side", 1000, true)));

        assertThat(new InitOrder().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app first ran at 500 ms, before init was initialized (at 1000 ms)", appRuns, initDone));
    }

    @Test
    void should_be_violated_when_a_container_runs_although_a_sidecar_never_started() {
        TraceEvent appRuns = running(2000, "app", 2000, true);
        Trace trace = new Trace(List.of(running(0, "init", 0, true), exited(1000, "init", 0),
                running(1000, "side", 1000, false), appRuns));

        assertThat(new InitOrder().check(Trials.of(POD, trace)))
                .isEqualTo(Verdict.violated("app first ran at 2000 ms, before side was initialized (never)", appRuns));
    }
}
