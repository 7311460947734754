package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.restart.Events.exited;
import static dev.podcheck.conformance.invariant.restart.Events.running;
import static dev.podcheck.conformance.invariant.restart.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class NextStartsTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: "
            + "[{name: setup, image: busybox}, {name: proxy, image: envoy, restartPolicy: Always}], "
            + "containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_each_container_starts_by_the_next_relist() {
        var t = trace(running(0, "setup", 0), exited(1000, "setup", 0, 0, 0), running(2000, "proxy", 0),
                running(3000, "app", 0));
        assertThat(new NextStarts().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_next_init_container_waits_past_the_next_relist() {
        // GIVEN setup exited 0 at 1 s WHEN proxy starts only at 2.5 s THEN it was owed by 2 s
        TraceEvent exit = exited(1000, "setup", 0, 0, 0);
        var t = trace(running(0, "setup", 0), exit, running(2500, "proxy", 0), running(3000, "app", 0));
        assertThat(new NextStarts().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "setup was ready to let proxy start at 1000 ms, but proxy was not asked to start by 2000 ms", exit));
    }

    @Test
    void should_be_violated_when_the_app_never_starts_after_a_running_sidecar() {
        TraceEvent proxy = running(2000, "proxy", 0);
        var t = trace(running(0, "setup", 0), exited(1000, "setup", 0, 0, 0), proxy);
        assertThat(new NextStarts().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                "proxy was ready to let app start at 2000 ms, but app was not asked to start by 3000 ms", proxy));
    }

    @Test
    void should_owe_nothing_after_a_failed_init_container() {
        var t = trace(running(0, "setup", 0), exited(1000, "setup", 1, 0, 0));
        assertThat(new NextStarts().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_count_a_start_refused_for_its_image_as_asked() {
        // the kubelet asked for app at 2.5 s; imagePullPolicy Never on an absent image refused it (IP-4)
        var refused = new TraceEvent.KubeletEvent(2500, "ErrImageNeverPull", "app",
                "Container image \"busybox\" is not present with pull policy of Never");
        var t = trace(running(0, "setup", 0), exited(1000, "setup", 0, 0, 0), running(2000, "proxy", 0), refused);
        assertThat(new NextStarts().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
    }
}
