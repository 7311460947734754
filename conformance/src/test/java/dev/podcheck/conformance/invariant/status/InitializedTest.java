package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.restart.Events.phase;
import static dev.podcheck.conformance.invariant.restart.Events.terminated;
import static dev.podcheck.conformance.invariant.restart.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodConditionChanged;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InitializedTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "initContainers: [{name: setup, image: busybox}, {name: proxy, image: envoy, restartPolicy: Always}], "
            + "containers: [{name: app, image: busybox}]}}";
    static final String INCOMPLETE = "containers with incomplete status: [setup proxy]";

    @Nested
    class Safety {
        @Test
        void should_hold_while_the_condition_follows_the_init_containers() {
            // GIVEN setup runs, then exits 0; proxy starts; app runs
            var t = trace(phase(0, PodPhase.Pending), status(0, "setup", running(0), false, false),
                    waiting(0, "proxy"), waiting(0, "app"), notInitialized(0, INCOMPLETE),
                    status(2000, "setup", terminated(0, 0, 2000), true, false),
                    notInitialized(2000, "containers with incomplete status: [proxy]"),
                    status(3000, "proxy", running(3000), true, true), initialized(3000),
                    status(4000, "app", running(4000), true, true));
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_Initialized_is_True_while_an_init_container_runs() {
            // GIVEN Initialized True from 0 ms WHEN setup runs until 2000 ms THEN it was True too early
            ContainerStatusChanged setup = status(0, "setup", running(0), false, false);
            ContainerStatusChanged proxy = status(0, "proxy", running(0), true, true);
            ContainerStatusChanged app = waiting(0, "app");
            PodConditionChanged early = initialized(0);
            var t = trace(phase(0, PodPhase.Pending), setup, proxy, app, early,
                    status(2000, "setup", terminated(0, 0, 2000), true, false));
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "from 0 ms to 2000 ms the Initialized condition was True, but the container statuses make it "
                            + "False ContainersNotInitialized (containers with incomplete status: [setup])",
                    setup, proxy, app, early));
        }

        @Test
        void should_be_violated_when_the_message_names_the_wrong_containers() {
            ContainerStatusChanged setup = status(0, "setup", running(0), false, false);
            ContainerStatusChanged proxy = waiting(0, "proxy");
            ContainerStatusChanged app = waiting(0, "app");
            PodConditionChanged wrong = notInitialized(0, "containers with incomplete status: [setup]");
            var t = trace(phase(0, PodPhase.Pending), setup, proxy, app, wrong);
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "from 0 ms to 600000 ms the Initialized condition was False ContainersNotInitialized (containers "
                            + "with incomplete status: [setup]), but the container statuses make it False "
                            + "ContainersNotInitialized (" + INCOMPLETE + ")", setup, proxy, app, wrong));
        }
    }

    @Nested
    class Progress {
        @Test
        void should_be_violated_when_Initialized_stays_False_once_every_init_container_completed() {
            ContainerStatusChanged done = status(2000, "setup", terminated(0, 0, 2000), true, false);
            ContainerStatusChanged started = status(2000, "proxy", running(2000), true, true);
            PodConditionChanged stale = notInitialized(0, INCOMPLETE);
            var t = trace(phase(0, PodPhase.Pending), status(0, "setup", running(0), false, false), waiting(0, "proxy"),
                    waiting(0, "app"), stale, done, started);
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "from 2000 ms to 600000 ms the Initialized condition was False ContainersNotInitialized (" + INCOMPLETE
                            + "), but the container statuses make it True",
                    waiting(0, "app"), stale, done, started));
        }

        @Test
        void should_expect_True_once_a_regular_container_ran_even_while_a_sidecar_restarts() {
            // GIVEN app runs WHEN proxy crashed and is not started THEN Initialized stays True (HasAnyRegularContainerStarted)
            var t = trace(phase(0, PodPhase.Running), status(0, "setup", terminated(0, 0, 0), true, false),
                    status(0, "proxy", running(0), false, false), status(0, "app", running(0), true, true),
                    initialized(0));
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_expect_reason_PodCompleted_once_the_pod_Succeeded() {
            PodConditionChanged plain = initialized(0);
            TraceEvent succeeded = phase(5000, PodPhase.Succeeded);
            var t = trace(phase(0, PodPhase.Running), status(0, "setup", terminated(0, 0, 0), true, false),
                    status(0, "proxy", running(0), true, true), status(0, "app", running(0), true, true), plain,
                    status(5000, "app", terminated(0, 0, 5000), false, false),
                    status(5000, "proxy", terminated(0, 0, 5000), false, false), succeeded);
            assertThat(new Initialized().check(Trials.of(POD, t))).isInstanceOf(Verdict.Violated.class)
                    .extracting(v -> ((Verdict.Violated) v).message()).isEqualTo("from 5000 ms to 600000 ms the "
                            + "Initialized condition was True, but the container statuses make it True PodCompleted");
        }
    }

    static ContainerState running(long startedAt) {
        return new ContainerState.Running(startedAt);
    }

    static ContainerStatusChanged status(long at, String name, ContainerState state, boolean ready, boolean started) {
        return new ContainerStatusChanged(at, new ContainerStatus(name, state, null, 0, ready, started));
    }

    static ContainerStatusChanged waiting(long at, String name) {
        return status(at, name, ContainerState.waiting("PodInitializing"), false, false);
    }

    static PodConditionChanged initialized(long at) {
        return new PodConditionChanged(at, PodCondition.isTrue(ConditionType.Initialized));
    }

    static PodConditionChanged notInitialized(long at, String message) {
        return new PodConditionChanged(at, PodCondition.isFalse(ConditionType.Initialized, "ContainersNotInitialized",
                message));
    }
}
