package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class ReadyImpliesStartedTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - {name: app, image: busybox}
            """;

    @Test
    void should_hold_when_a_ready_container_runs_and_started() {
        assertThat(new ReadyImpliesStarted().check(Trials.of(POD, trace(running(0, "app", true, true)))))
                .isEqualTo(Verdict.HOLDS);
    }

    /** The engine's counterexample: a container started after an eviction ended the pod reads ready. */
    @Test
    void should_be_violated_when_a_terminated_container_reads_ready() {
        TraceEvent ready = new TraceEvent.ContainerStatusChanged(30000, new ContainerStatus("app",
                new ContainerState.Terminated(137, "ContainerStatusUnknown", "", 0, 30000), null, 1, true, true));
        assertThat(new ReadyImpliesStarted().check(Trials.of(POD, trace(ready)))).isEqualTo(Verdict.violated(
                "app reads ready=true at 30000 ms while not running", ready));
    }

    @Test
    void should_be_violated_when_ready_before_started() {
        TraceEvent ready = running(1000, "app", true, false);
        assertThat(new ReadyImpliesStarted().check(Trials.of(POD, trace(ready)))).isEqualTo(Verdict.violated(
                "app reads ready=true at 1000 ms while not started", ready));
    }
}
