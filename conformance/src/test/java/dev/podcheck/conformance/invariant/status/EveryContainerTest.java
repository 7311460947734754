package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.restart.Events.running;
import static dev.podcheck.conformance.invariant.restart.Events.trace;
import static dev.podcheck.conformance.invariant.restart.Events.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class EveryContainerTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: "
            + "[{name: side, image: busybox, restartPolicy: Always}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_the_first_write_covers_every_spec_container() {
        var trace = trace(waiting(0, "side", "PodInitializing"), waiting(0, "app", "PodInitializing"),
                running(1000, "side", 0));

        assertThat(new EveryContainer().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_by_a_status_for_a_container_not_in_the_spec() {
        TraceEvent ghost = waiting(0, "ghost", "ContainerCreating");
        var trace = trace(waiting(0, "side", "PodInitializing"), waiting(0, "app", "PodInitializing"), ghost);

        assertThat(new EveryContainer().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "a status names ghost at 0 ms, which is not a container of the spec", ghost));
    }

    @Test
    void should_be_violated_when_the_first_write_lacks_a_container() {
        // GIVEN the sidecar's entry only comes with a later write
        TraceEvent first = waiting(0, "app", "PodInitializing");
        var trace = trace(first, running(1000, "side", 0));

        assertThat(new EveryContainer().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the first statuses, at 0 ms, lack [side]", first));
    }
}
