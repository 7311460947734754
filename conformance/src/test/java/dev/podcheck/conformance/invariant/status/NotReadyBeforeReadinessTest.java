package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.probe.Events.probe;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class NotReadyBeforeReadinessTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: busybox
                readinessProbe: {exec: {command: ["true"]}}
              - {name: plain, image: busybox}
            """;

    @Test
    void should_hold_when_ready_follows_a_successful_readiness_run_of_the_instance() {
        var trace = trace(running(1000, "app", false, true), probe(1000, "app", ProbeKind.readiness, true),
                running(1000, "app", true, true));

        assertThat(new NotReadyBeforeReadiness().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_for_a_container_without_readiness_probe() {
        assertThat(new NotReadyBeforeReadiness().check(Trials.of(POD, trace(running(1000, "plain", true, true)))))
                .isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_ready_before_any_readiness_run() {
        TraceEvent ready = running(1000, "app", true, true);

        assertThat(new NotReadyBeforeReadiness().check(Trials.of(POD, trace(ready)))).isEqualTo(Verdict.violated(
                "app reads ready at 1000 ms before any successful readiness result of the instance started at 1000 ms",
                ready));
    }

    @Test
    void should_not_count_a_success_of_the_previous_instance() {
        // GIVEN readiness passed for the run started at 1 s WHEN the run started at 5 s reads ready at once
        // THEN readiness starts as Failure for every new instance (P-2)
        TraceEvent ready = new TraceEvent.ContainerStatusChanged(5000, new ContainerStatus("app",
                new ContainerState.Running(5000), null, 1, true, true));
        var trace = trace(running(1000, "app", false, true), probe(1000, "app", ProbeKind.readiness, true),
                running(1000, "app", true, true), ready);

        assertThat(new NotReadyBeforeReadiness().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "app reads ready at 5000 ms before any successful readiness result of the instance started at 5000 ms",
                ready));
    }
}
