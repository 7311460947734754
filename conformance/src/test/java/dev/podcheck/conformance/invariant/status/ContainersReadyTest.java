package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static dev.podcheck.conformance.invariant.restart.Events.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class ContainersReadyTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: app, image: busybox}]}}";
    static final String GATED = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {readinessGates: "
            + "[{conditionType: example.com/lb}], containers: [{name: app, image: busybox}]}}";

    @Test
    void should_hold_when_Ready_and_ContainersReady_follow_a_ready_container() {
        var trace = trace(running(1000, "app", true, true), condition(1000, ConditionType.ContainersReady, true),
                condition(1000, ConditionType.Ready, true));

        assertThat(new ContainersReady().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_judge_the_status_at_the_end_of_an_instant() {
        // GIVEN one status update writes ContainersReady before the container entry turns ready
        var trace = trace(condition(1000, ConditionType.ContainersReady, true), running(1000, "app", true, true));

        assertThat(new ContainersReady().check(Trials.of(POD, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_Ready_is_True_without_ContainersReady() {
        TraceEvent ready = condition(1000, ConditionType.Ready, true);
        var trace = trace(running(1000, "app", true, true), ready);

        assertThat(new ContainersReady().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "at 1000 ms Ready is True although ContainersReady is not True", ready));
    }

    @Test
    void should_be_violated_when_ContainersReady_is_True_while_a_container_is_not_ready() {
        TraceEvent containersReady = condition(1000, ConditionType.ContainersReady, true);
        TraceEvent notReady = running(1000, "app", false, true);
        var trace = trace(notReady, containersReady);

        assertThat(new ContainersReady().check(Trials.of(POD, trace))).isEqualTo(Verdict.violated(
                "at 1000 ms ContainersReady is True although app is not ready", containersReady, notReady));
    }

    @Test
    void should_be_violated_when_Ready_is_True_while_a_readiness_gate_is_absent() {
        // GIVEN a readiness gate nobody set: absent means not True (ST-14)
        TraceEvent ready = condition(1000, ConditionType.Ready, true);
        var trace = trace(running(1000, "app", true, true), condition(1000, ConditionType.ContainersReady, true), ready);

        assertThat(new ContainersReady().check(Trials.of(GATED, trace))).isEqualTo(Verdict.violated(
                "at 1000 ms Ready is True although readiness gate example.com/lb is not True", ready));
    }

    @Test
    void should_be_violated_when_Ready_is_True_while_a_readiness_gate_was_patched_False() {
        TraceEvent patched = new TraceEvent.ConditionPatched(500, "example.com/lb", "False");
        TraceEvent ready = condition(1000, ConditionType.Ready, true);
        var trace = trace(patched, running(1000, "app", true, true), condition(1000, ConditionType.ContainersReady, true),
                ready);

        assertThat(new ContainersReady().check(Trials.of(GATED, trace))).isEqualTo(Verdict.violated(
                "at 1000 ms Ready is True although readiness gate example.com/lb is not True", patched, ready));
    }

    @Test
    void should_hold_when_Ready_is_True_once_the_gate_was_patched_True() {
        var trace = trace(new TraceEvent.ConditionPatched(500, "example.com/lb", "True"), running(1000, "app", true, true),
                condition(1000, ConditionType.ContainersReady, true), condition(1000, ConditionType.Ready, true));

        assertThat(new ContainersReady().check(Trials.of(GATED, trace))).isEqualTo(Verdict.HOLDS);
    }
}
