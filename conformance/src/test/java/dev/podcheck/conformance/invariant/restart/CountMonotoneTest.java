package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class CountMonotoneTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_each_restart_counts_one_more() {
        var trace = trace(running(0, "app", 0), exited(1000, "app", 1, 0, 0), running(2000, "app", 1),
                exited(3000, "app", 1, 2000, 1), running(14000, "app", 2));

        assertThat(new CountMonotone().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_count_is_reset() {
        TraceEvent two = running(14000, "app", 2);
        TraceEvent zero = running(30000, "app", 30000, 0);
        var trace = trace(running(0, "app", 0), two, zero);

        assertThat(new CountMonotone().check(Trials.of(POD, trace)))
                .isEqualTo(Verdict.violated("restartCount of app went down from 2 to 0 at 30000 ms", two, zero));
    }
}
