package dev.podcheck.conformance.invariant.probe;

import static dev.podcheck.conformance.invariant.probe.Events.exited;
import static dev.podcheck.conformance.invariant.probe.Events.killing;
import static dev.podcheck.conformance.invariant.probe.Events.probe;
import static dev.podcheck.conformance.invariant.probe.Events.ready;
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

class StartedAfterStartupTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: busybox
                startupProbe: {exec: {command: ["true"]}}
            """;

    @Test
    void should_hold_when_started_shows_with_the_startup_success() {
        var t = trace(running(0, "app", false, false), probe(5000, "app", ProbeKind.startup, true),
                ready(5000, "app", 0, true));
        assertThat(new StartedAfterStartup().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_started_never_shows_after_a_startup_success() {
        // GIVEN the startup probe passed at 5 s WHEN the status never says started THEN it was owed by 6 s
        TraceEvent success = probe(5000, "app", ProbeKind.startup, true);
        var t = trace(running(0, "app", false, false), success);
        assertThat(new StartedAfterStartup().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "app passed its startup probe at 5000 ms but its instance started at 0 ms was not shown started by "
                        + "6000 ms", success));
    }

    @Test
    void should_owe_nothing_when_the_instance_exits_first() {
        var t = trace(running(0, "app", false, false), probe(5000, "app", ProbeKind.startup, true),
                exited(5500, "app", 0, 1, false));
        assertThat(new StartedAfterStartup().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_owe_nothing_while_a_kill_begun_in_the_instant_the_run_before_ended_holds_the_pod_worker() {
        // seed 124 trial 9108 of a 10,000-trial run: run 0 ended at 19 s, run 1 started and its failed postStart
        // had it killed at once; killContainer holds the pod worker until run 1 exits at 38 s
        var restarted = new TraceEvent.ContainerStatusChanged(19_000, new ContainerStatus("app",
                new ContainerState.Running(19_000), new ContainerState.Terminated(1, "Error", "", 0, 19_000), 1,
                false, false));
        var gone = new TraceEvent.ContainerStatusChanged(38_000, new ContainerStatus("app",
                new ContainerState.Terminated(1, "Error", "", 19_000, 38_000), null, 1, false, false));
        var t = trace(running(0, "app", false, false), exited(19_000, "app", 0, 1, false), restarted,
                killing(19_000, "app", "FailedPostStartHook"), probe(20_000, "app", ProbeKind.startup, true), gone);
        assertThat(new StartedAfterStartup().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }
}
