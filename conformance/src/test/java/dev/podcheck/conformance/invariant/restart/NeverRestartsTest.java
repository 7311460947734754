package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class NeverRestartsTest {
    static final String NEVER = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "initContainers: [{name: side, image: busybox, restartPolicy: Always}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_only_the_sidecar_restarts() {
        // GIVEN a sidecar restarts under any pod policy (S-8)
        var trace = trace(running(0, "side", 0), exited(1000, "side", 1, 0, 0), running(1000, "app", 0),
                running(2000, "side", 1), exited(3000, "app", 1, 1000, 0));

        assertThat(new NeverRestarts().check(Trials.of(NEVER, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_app_restarts_after_a_failure() {
        TraceEvent again = running(5000, "app", 1);
        var trace = trace(running(0, "side", 0), running(1000, "app", 0), exited(3000, "app", 1, 1000, 0), again);

        assertThat(new NeverRestarts().check(Trials.of(NEVER, trace)))
                .isEqualTo(Verdict.violated("app restarted under restartPolicy Never at 5000 ms (restartCount 1)", again));
    }

    @Test
    void should_be_violated_by_a_second_run_even_if_restartCount_stays_0() {
        TraceEvent again = running(5000, "app", 0);
        var trace = trace(running(1000, "app", 0), exited(3000, "app", 1, 1000, 0), again);

        assertThat(new NeverRestarts().check(Trials.of(NEVER, trace)))
                .isEqualTo(Verdict.violated("app restarted under restartPolicy Never at 5000 ms (restartCount 0)", again));
    }
}
