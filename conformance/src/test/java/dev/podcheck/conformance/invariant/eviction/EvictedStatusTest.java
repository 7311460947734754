package dev.podcheck.conformance.invariant.eviction;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class EvictedStatusTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox}]}}";
    static final String MESSAGE = "The node was low on resource: memory. Threshold quantity: 100Mi, available: 24Mi. ";

    static TraceEvent evicted(long at) {
        return new TraceEvent.PodEvicted(at, "memory", MESSAGE);
    }

    static TraceEvent failed(long at, String reason, String message) {
        return new TraceEvent.PodPhaseChanged(at, PodPhase.Failed, reason, message);
    }

    static TraceEvent disruption(long at, String reason) {
        return new TraceEvent.PodConditionChanged(at, new PodCondition(ConditionType.DisruptionTarget, true, reason,
                MESSAGE));
    }

    @Test
    void should_hold_when_the_evicted_pod_ends_Failed_Evicted_with_DisruptionTarget() {
        var trace = trace(running(0, "app", 0), evicted(20000), failed(23000, "Evicted", MESSAGE),
                disruption(23000, "TerminationByKubelet"));

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_for_a_local_storage_eviction_ending_Failed_Evicted_with_its_message_and_no_condition() {
        String storage = "Container app exceeded its local ephemeral storage limit \"100Mi\". ";
        var trace = trace(running(0, "app", 0), new TraceEvent.PodEvicted(20000, "ephemeral-storage", storage),
                failed(23000, "Evicted", storage));

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_local_storage_eviction_ends_with_another_message() {
        String storage = "Container app exceeded its local ephemeral storage limit \"100Mi\". ";
        TraceEvent ev = new TraceEvent.PodEvicted(20000, "ephemeral-storage", storage);
        TraceEvent end = failed(23000, "Evicted", MESSAGE);
        var trace = trace(running(0, "app", 0), ev, end);

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod evicted at 20000 ms ended Failed with reason \"Evicted\" and message \"" + MESSAGE + "\"",
                ev, end));
    }

    @Test
    void should_be_violated_when_the_terminal_phase_has_another_reason() {
        TraceEvent ev = evicted(20000);
        TraceEvent end = failed(23000, "Error", "");
        var trace = trace(running(0, "app", 0), ev, end, disruption(23000, "TerminationByKubelet"));

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod evicted at 20000 ms ended Failed with reason \"Error\" and message \"\"", ev, end));
    }

    @Test
    void should_be_violated_when_the_pod_is_not_Failed_within_10_s() {
        TraceEvent ev = evicted(20000);
        var trace = trace(running(0, "app", 0), ev, failed(31000, "Evicted", MESSAGE));

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod evicted at 20000 ms was not Failed by 30000 ms", ev));
    }

    @Test
    void should_hold_when_the_trace_ends_before_the_phase_is_due() {
        var trace = trace(running(0, "app", 0), evicted(595000));

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_without_DisruptionTarget_TerminationByKubelet() {
        TraceEvent ev = evicted(20000);
        TraceEvent end = failed(23000, "Evicted", MESSAGE);
        var trace = trace(running(0, "app", 0), ev, end, disruption(23000, "EvictionByEvictionAPI"));

        assertThat(new EvictedStatus().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "the pod evicted at 20000 ms has no DisruptionTarget True/TerminationByKubelet with its terminal phase",
                ev, end));
    }
}
