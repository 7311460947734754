package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class FailedHasACauseTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "initContainers: [{name: init, image: busybox}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_an_init_container_failed_under_Never() {
        var trace = trace(running(0, "init", 0), exited(2000, "init", 1, 0, 0), phase(2000, PodPhase.Failed));

        assertThat(new FailedHasACause().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_the_pod_is_deleted_before_anything_ran() {
        // GIVEN TerminatePod turns a Pending pod Failed on deletion (T-9)
        var trace = trace(waiting(0, "app", "PodInitializing"), deletion(500, 30), phase(900, PodPhase.Failed));

        assertThat(new FailedHasACause().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_every_container_succeeded() {
        TraceEvent failed = phase(6000, PodPhase.Failed);
        var trace = trace(running(0, "init", 0), exited(1000, "init", 0, 0, 0), running(1000, "app", 0),
                exited(6000, "app", 0, 1000, 0), failed);

        assertThat(new FailedHasACause().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod is Failed at 6000 ms without a cause: no regular container stopped unsuccessfully, "
                        + "no init container failed under restartPolicy Never, no deletion, reason \"\"", failed));
    }
}
