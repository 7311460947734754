package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class OneAtATimeTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              initContainers:
              - {name: first, image: busybox}
              - {name: side, image: busybox, restartPolicy: Always}
              - {name: second, image: busybox}
              containers:
              - {name: app, image: busybox}
            """;

    @Test
    void should_hold_when_each_init_container_exits_in_the_instant_the_next_one_starts() {
        // GIVEN the sidecar keeps running beside the second init container and the app
        var trace = trace(running(0, "first", 0), exited(1000, "first", 0, 0, 0), running(1000, "side", 0),
                running(2000, "second", 0), exited(3000, "second", 0, 2000, 0), running(3000, "app", 0));

        assertThat(new OneAtATime().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_two_regular_init_containers_run_together() {
        TraceEvent first = running(0, "first", 0);
        TraceEvent second = running(500, "second", 0);
        var trace = trace(first, running(200, "side", 0), second);

        assertThat(new OneAtATime().check(Trials.of(POD, trace)))
                .isEqualTo(Verdict.violated("init container first runs together with second at 500 ms", first, second));
    }

    @Test
    void should_be_violated_when_the_app_runs_beside_an_init_container() {
        TraceEvent second = running(2000, "second", 0);
        TraceEvent app = running(2500, "app", 0);
        var trace = trace(running(0, "first", 0), exited(1000, "first", 0, 0, 0), second, app);

        assertThat(new OneAtATime().check(Trials.of(POD, trace)))
                .isEqualTo(Verdict.violated("init container second runs together with app at 2500 ms", second, app));
    }
}
