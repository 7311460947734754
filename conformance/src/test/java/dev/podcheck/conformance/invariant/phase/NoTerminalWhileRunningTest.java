package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class NoTerminalWhileRunningTest {
    static final String POD = TerminalIsFinalTest.POD;

    @Test
    void should_hold_when_the_phase_turns_terminal_in_the_same_instant_the_container_stops() {
        // GIVEN the status object shows the exit, the phase and the readiness in one update
        var trace = trace(running(1000, "app", 0), condition(1000, ConditionType.Ready, true),
                exited(5000, "app", 1, 1000, 0), phase(5000, PodPhase.Failed), condition(5000, ConditionType.Ready, false));
        // WHEN checked THEN it holds: only the snapshot after an instant counts
        assertThat(new NoTerminalWhileRunning().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_container_still_runs_in_a_Failed_pod() {
        TraceEvent runs = running(1000, "app", 0);
        TraceEvent failed = phase(5000, PodPhase.Failed);
        var trace = trace(runs, failed);

        assertThat(new NoTerminalWhileRunning().check(Trials.of(POD, trace))).isEqualTo(
                Verdict.violated("the pod is Failed at 5000 ms while app is running", runs, failed));
    }

    @Test
    void should_be_violated_when_Ready_stays_True_in_a_Succeeded_pod() {
        TraceEvent ready = condition(1000, ConditionType.Ready, true);
        TraceEvent done = phase(5000, PodPhase.Succeeded);
        var trace = trace(running(1000, "app", 0), ready, exited(5000, "app", 0, 1000, 0), done);

        assertThat(new NoTerminalWhileRunning().check(Trials.of(POD, trace))).isEqualTo(
                Verdict.violated("the pod is Succeeded at 5000 ms while Ready is True", ready, done));
    }
}
