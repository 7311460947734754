package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static dev.podcheck.conformance.invariant.restart.Events.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ConditionPatched;
import org.junit.jupiter.api.Test;

/** The e2e test's two gates ("should support pod readiness gates"), as hand-built traces. */
class ReadyOnceGatesTrueTest {
    static final String GATED = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {readinessGates: "
            + "[{conditionType: k8s.io/test-condition1}, {conditionType: k8s.io/test-condition2}], "
            + "containers: [{name: app, image: busybox}]}}";
    static final TraceEvent CONTAINERS_READY = condition(1000, ConditionType.ContainersReady, true);
    static final TraceEvent FIRST = new ConditionPatched(20_000, "k8s.io/test-condition1", "True");
    static final TraceEvent SECOND = new ConditionPatched(30_000, "k8s.io/test-condition2", "True");

    @Test
    void should_hold_when_Ready_turns_True_with_the_second_gate() {
        var t = trace(CONTAINERS_READY, FIRST, SECOND, condition(30_000, ConditionType.Ready, true));
        assertThat(new ReadyOnceGatesTrue().check(Trials.of(GATED, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_while_only_one_gate_is_True() {
        var t = trace(CONTAINERS_READY, FIRST);
        assertThat(new ReadyOnceGatesTrue().check(Trials.of(GATED, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_hold_when_Ready_comes_with_the_first_status_write_after_the_patch() {
        // GIVEN a SyncPod under way (an image pull) WHEN Ready comes with its status write 10 s later THEN it holds
        var t = trace(CONTAINERS_READY, FIRST, SECOND, condition(40_000, ConditionType.Ready, true));
        assertThat(new ReadyOnceGatesTrue().check(Trials.of(GATED, t))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_a_later_status_write_still_has_Ready_not_True() {
        // GIVEN both gates True at 30 s WHEN the kubelet writes a container's status at 40 s without Ready THEN violated
        TraceEvent write = running(40_000, "app", true, true);
        var t = trace(CONTAINERS_READY, FIRST, SECOND, write);
        assertThat(new ReadyOnceGatesTrue().check(Trials.of(GATED, t))).isEqualTo(Verdict.violated(
                "ContainersReady and every readiness gate were True from 30000 ms, but the status written at 40000 ms "
                        + "still had Ready not True", SECOND, write));
    }

    @Test
    void should_hold_for_a_terminal_pod() {
        var t = trace(CONTAINERS_READY, FIRST, new TraceEvent.PodPhaseChanged(25_000, PodPhase.Succeeded, "", ""),
                SECOND);
        assertThat(new ReadyOnceGatesTrue().check(Trials.of(GATED, t))).isEqualTo(Verdict.HOLDS);
    }
}
