package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.restart.Events.phase;
import static dev.podcheck.conformance.invariant.restart.Events.terminated;
import static dev.podcheck.conformance.invariant.restart.Events.trace;
import static dev.podcheck.conformance.invariant.status.InitializedTest.running;
import static dev.podcheck.conformance.invariant.status.InitializedTest.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadinessConditionsTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "initContainers: [{name: proxy, image: envoy, restartPolicy: Always}], "
            + "containers: [{name: app, image: busybox}, {name: web, image: nginx}]}}";
    static final String UNREADY = "containers with unready status: [proxy web]";

    @Nested
    class Safety {
        @Test
        void should_hold_while_both_conditions_follow_the_containers() {
            var t = trace(phase(0, PodPhase.Running), status(0, "proxy", running(0), false, true),
                    status(0, "app", running(0), true, true), status(0, "web", running(0), false, true),
                    notReady(0, ConditionType.ContainersReady, UNREADY), notReady(0, ConditionType.Ready, UNREADY),
                    status(3000, "proxy", running(0), true, true), status(3000, "web", running(0), true, true),
                    ready(3000, ConditionType.ContainersReady), ready(3000, ConditionType.Ready));
            assertThat(new ReadinessConditions().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_message_leaves_out_an_unready_sidecar() {
            ContainerStatusChanged proxy = status(0, "proxy", running(0), false, true);
            ContainerStatusChanged app = status(0, "app", running(0), true, true);
            ContainerStatusChanged web = status(0, "web", running(0), false, true);
            PodConditionChanged containersReady = notReady(0, ConditionType.ContainersReady,
                    "containers with unready status: [web]");
            PodConditionChanged ready = notReady(0, ConditionType.Ready, "containers with unready status: [web]");
            var t = trace(phase(0, PodPhase.Running), proxy, app, web, containersReady, ready);
            assertThat(new ReadinessConditions().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "from 0 ms to 600000 ms the readiness conditions were ContainersReady False ContainersNotReady "
                            + "(containers with unready status: [web]), Ready False ContainersNotReady (containers with "
                            + "unready status: [web]), but the container statuses make them ContainersReady False "
                            + "ContainersNotReady (" + UNREADY + "), Ready the same",
                    proxy, app, web, containersReady, ready));
        }

        @Test
        void should_be_violated_when_Ready_does_not_copy_ContainersReady() {
            PodConditionChanged containersReady = notReady(0, ConditionType.ContainersReady, UNREADY);
            PodConditionChanged ready = new PodConditionChanged(0, PodCondition.isFalse(ConditionType.Ready,
                    "ContainersNotReady", ""));
            var t = trace(phase(0, PodPhase.Running), status(0, "proxy", running(0), false, true),
                    status(0, "app", running(0), true, true), status(0, "web", running(0), false, true),
                    containersReady, ready, status(1000, "proxy", running(0), true, true),
                    status(1000, "web", running(0), true, true), ready(1000, ConditionType.ContainersReady),
                    ready(1000, ConditionType.Ready));
            assertThat(new ReadinessConditions().check(Trials.of(POD, t))).isInstanceOf(Verdict.Violated.class)
                    .extracting(v -> ((Verdict.Violated) v).message()).asString()
                    .startsWith("from 0 ms to 1000 ms the readiness conditions were");
        }
    }

    @Nested
    class Progress {
        @Test
        void should_be_violated_when_ContainersReady_stays_False_once_every_container_is_ready() {
            PodConditionChanged stale = notReady(0, ConditionType.ContainersReady, UNREADY);
            PodConditionChanged staleReady = notReady(0, ConditionType.Ready, UNREADY);
            var t = trace(phase(0, PodPhase.Running), status(0, "proxy", running(0), false, true),
                    status(0, "app", running(0), true, true), status(0, "web", running(0), false, true), stale,
                    staleReady, status(3000, "proxy", running(0), true, true),
                    status(3000, "web", running(0), true, true));
            assertThat(new ReadinessConditions().check(Trials.of(POD, t))).isInstanceOf(Verdict.Violated.class)
                    .extracting(v -> ((Verdict.Violated) v).message()).isEqualTo("from 3000 ms to 600000 ms the "
                            + "readiness conditions were ContainersReady False ContainersNotReady (" + UNREADY
                            + "), Ready False ContainersNotReady (" + UNREADY + "), but the container statuses make "
                            + "them ContainersReady True");
        }

        @Test
        void should_be_violated_when_a_Failed_pod_keeps_the_reason_of_unready_containers() {
            TraceEvent failed = phase(5000, PodPhase.Failed);
            var t = trace(phase(0, PodPhase.Running), status(0, "proxy", running(0), true, true),
                    status(0, "app", running(0), true, true), status(0, "web", running(0), true, true),
                    ready(0, ConditionType.ContainersReady), ready(0, ConditionType.Ready),
                    status(5000, "app", terminated(1, 0, 5000), false, false),
                    status(5000, "web", terminated(0, 0, 5000), false, false),
                    status(5000, "proxy", terminated(137, 0, 5000), false, false), failed,
                    notReady(5000, ConditionType.ContainersReady, "containers with unready status: [proxy app web]"),
                    notReady(5000, ConditionType.Ready, "containers with unready status: [proxy app web]"));
            assertThat(new ReadinessConditions().check(Trials.of(POD, t))).isInstanceOf(Verdict.Violated.class)
                    .extracting(v -> ((Verdict.Violated) v).message()).asString()
                    .endsWith("make them ContainersReady False PodFailed, Ready the same");
        }

        @Test
        void should_accept_a_terminal_reason_while_the_status_manager_holds_the_phase_back() {
            // GIVEN the regular containers ended WHEN the phase is still Running (SM-3) THEN PodCompleted may come first
            var t = trace(phase(0, PodPhase.Running), status(0, "proxy", running(0), true, true),
                    status(0, "app", terminated(0, 0, 5000), false, false),
                    status(0, "web", terminated(0, 0, 5000), false, false),
                    completed(0, ConditionType.ContainersReady), completed(0, ConditionType.Ready));
            assertThat(new ReadinessConditions().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    static PodConditionChanged ready(long at, ConditionType type) {
        return new PodConditionChanged(at, PodCondition.isTrue(type));
    }

    static PodConditionChanged notReady(long at, ConditionType type, String message) {
        return new PodConditionChanged(at, PodCondition.isFalse(type, "ContainersNotReady", message));
    }

    static PodConditionChanged completed(long at, ConditionType type) {
        return new PodConditionChanged(at, PodCondition.isFalse(type, "PodCompleted", ""));
    }
}
