package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class CrashLoopHasLastStateTest {
    static final String POD = CountMonotoneTest.POD;

    @Test
    void should_hold_when_the_back_off_shows_the_exit_it_waits_after() {
        var trace = trace(running(0, "app", 1), crashLoop(3000, "app", terminated(1, 0, 3000), 1));

        assertThat(new CrashLoopHasLastState().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_back_off_hides_the_exit() {
        TraceEvent waits = crashLoop(3000, "app", null, 1);
        var trace = trace(running(0, "app", 1), waits);

        assertThat(new CrashLoopHasLastState().check(Trials.of(POD, trace)))
                .isEqualTo(Verdict.violated("app waits in CrashLoopBackOff at 3000 ms without lastState.terminated", waits));
    }
}
