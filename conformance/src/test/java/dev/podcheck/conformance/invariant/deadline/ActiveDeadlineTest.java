package dev.podcheck.conformance.invariant.deadline;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class ActiveDeadlineTest {
    /** activeDeadlineSeconds 10, grace 5: Failed is due between 10 s and 10 + 5 + 5 s after startTime. */
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {activeDeadlineSeconds: 10, "
            + "terminationGracePeriodSeconds: 5, containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_the_pod_fails_with_DeadlineExceeded_after_its_deadline() {
        var trace = trace(waiting(1000, "app", "ContainerCreating"), running(2000, "app", 0),
                phase(2000, PodPhase.Running), phase(13000, PodPhase.Failed, "DeadlineExceeded"));

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_the_pod_ends_by_itself_before_its_deadline() {
        var trace = trace(waiting(1000, "app", "ContainerCreating"), phase(5000, PodPhase.Succeeded));

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_failed_for_the_deadline_before_it_passed() {
        TraceEvent end = phase(9000, PodPhase.Failed, "DeadlineExceeded");
        var trace = trace(waiting(1000, "app", "ContainerCreating"), end);

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod was failed for its deadline at 9000 ms, before startTime 1000 ms + 10 s", end));
    }

    @Test
    void should_be_violated_when_the_pod_outlives_its_deadline() {
        // GIVEN startTime 1 s: the deadline passes at 11 s, Failed is due by 21 s
        TraceEvent first = waiting(1000, "app", "ContainerCreating");
        var trace = trace(first, running(2000, "app", 0));

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod passed its deadline at 11000 ms (startTime 1000 ms + 10 s) but was not Failed with reason "
                        + "DeadlineExceeded by 21000 ms", first));
    }

    @Test
    void should_be_violated_when_the_pod_ends_after_its_deadline_for_another_reason() {
        TraceEvent end = phase(15000, PodPhase.Succeeded);
        var trace = trace(waiting(1000, "app", "ContainerCreating"), end);

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod passed its deadline at 11000 ms but ended Succeeded with reason \"\" at 15000 ms", end));
    }

    @Test
    void should_hold_when_the_pod_past_its_deadline_is_evicted_while_it_stops() {
        // GIVEN the deadline passed at 11 s and the pod, still stopping, is evicted at 12 s: still active, the eviction
        // manager may take it, and the eviction's status replaces the deadline's (SEMANTICS NP-4)
        var trace = trace(waiting(1000, "app", "ContainerCreating"), running(2000, "app", 0),
                new TraceEvent.PodEvicted(12000, "memory", "The node was low on resource: memory. "),
                phase(14000, PodPhase.Failed, "Evicted"));

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_pod_ends_Evicted_after_its_deadline_without_an_eviction() {
        TraceEvent end = phase(14000, PodPhase.Failed, "Evicted");
        var trace = trace(waiting(1000, "app", "ContainerCreating"), running(2000, "app", 0), end);

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod passed its deadline at 11000 ms but ended Failed with reason \"Evicted\" at 14000 ms", end));
    }

    @Test
    void should_leave_the_outcome_to_a_deletion_that_came_first() {
        var trace = trace(waiting(1000, "app", "ContainerCreating"), deletion(5000, 30));

        assertThat(new ActiveDeadline().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }
}
