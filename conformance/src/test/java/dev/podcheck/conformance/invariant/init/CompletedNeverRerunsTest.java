package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class CompletedNeverRerunsTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Always, "
            + "initContainers: [{name: init, image: busybox}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_a_failed_init_container_is_retried() {
        // GIVEN the init container failed once, so under Always it is run again (S-9)
        var trace = trace(running(0, "init", 0), exited(1000, "init", 1, 0, 0), running(1000, "init", 1),
                exited(2000, "init", 0, 1000, 1), running(2000, "app", 0));

        assertThat(new CompletedNeverReruns().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_completed_init_container_runs_again() {
        TraceEvent done = exited(1000, "init", 0, 0, 0);
        TraceEvent again = running(5000, "init", 1);
        var trace = trace(running(0, "init", 0), done, running(1000, "app", 0), again);

        assertThat(new CompletedNeverReruns().check(Trials.of(POD, trace)))
                .isEqualTo(Verdict.violated("init container init exited 0 at 1000 ms and was started again at 5000 ms",
                        done, again));
    }
}
