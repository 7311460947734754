package dev.podcheck.conformance.invariant.status;

import static dev.podcheck.conformance.invariant.restart.Events.phase;
import static dev.podcheck.conformance.invariant.restart.Events.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.conformance.invariant.restart.Events;
import dev.podcheck.spec.pod.ProbeKind;
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
            var t = Events.trace(phase(0, PodPhase.Pending), status(0, "setup", running(0), false, false),
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
            var t = Events.trace(phase(0, PodPhase.Pending), setup, proxy, app, early,
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
            var t = Events.trace(phase(0, PodPhase.Pending), setup, proxy, app, wrong);
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
            var t = Events.trace(phase(0, PodPhase.Pending), status(0, "setup", running(0), false, false), waiting(0, "proxy"),
                    waiting(0, "app"), stale, done, started);
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "from 2000 ms to 600000 ms the Initialized condition was False ContainersNotInitialized (" + INCOMPLETE
                            + "), but the container statuses make it True",
                    waiting(0, "app"), stale, done, started));
        }

        @Test
        void should_expect_True_once_a_regular_container_ran_even_while_a_sidecar_restarts() {
            // GIVEN app runs WHEN proxy crashed and is not started THEN Initialized stays True (HasAnyRegularContainerStarted)
            var t = Events.trace(phase(0, PodPhase.Running), status(0, "setup", terminated(0, 0, 0), true, false),
                    status(0, "proxy", running(0), false, false), status(0, "app", running(0), true, true),
                    initialized(0));
            assertThat(new Initialized().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_expect_reason_PodCompleted_once_the_pod_Succeeded() {
            PodConditionChanged plain = initialized(0);
            TraceEvent succeeded = phase(5000, PodPhase.Succeeded);
            var t = Events.trace(phase(0, PodPhase.Running), status(0, "setup", terminated(0, 0, 0), true, false),
                    status(0, "proxy", running(0), true, true), status(0, "app", running(0), true, true), plain,
                    status(5000, "app", terminated(0, 0, 5000), false, false),
                    status(5000, "proxy", terminated(0, 0, 5000), false, false), succeeded);
            assertThat(new Initialized().check(Trials.of(POD, t))).isInstanceOf(Verdict.Violated.class)
                    .extracting(v -> ((Verdict.Violated) v).message()).isEqualTo("from 5000 ms to 600000 ms the "
                            + "Initialized condition was True, but the container statuses make it True PodCompleted");
        }
    }

    /** SetContainerStartup writes a sidecar's started at once; the pod worker generates Initialized after its SyncPod. */
    @Nested
    class StartupWrittenOutsideThePodWorker {
        static final String SIDECARS = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {initContainers: ["
                + "{name: side, image: envoy, restartPolicy: Always, livenessProbe: {exec: {command: [\"true\"]}}}, "
                + "{name: proxy, image: envoy, restartPolicy: Always, startupProbe: {exec: {command: [\"true\"]}}}], "
                + "containers: [{name: app, image: busybox}]}}";

        /** side runs; proxy runs, not started; app waits: Initialized False naming proxy. Then {@code more}. */
        private static TraceEvent[] trace(TraceEvent... more) {
            java.util.List<TraceEvent> all = new java.util.ArrayList<>(java.util.List.of(phase(0, PodPhase.Pending),
                    status(0, "side", running(0), true, true), status(0, "proxy", running(0), false, false),
                    waiting(0, "app"), notInitialized(0, "containers with incomplete status: [proxy]")));
            all.addAll(java.util.List.of(more));
            return all.toArray(TraceEvent[]::new);
        }

        @Test
        void should_let_Initialized_wait_for_the_SyncPod_under_way_when_started_was_written_alone() {
            // GIVEN a liveness kill of side holds the pod worker from 3000 ms to side's exit at 11000 ms
            // WHEN proxy's startup success is written at 10000 ms THEN Initialized may follow at 11000 ms, when
            // side runs again
            var t = Events.trace(trace(new TraceEvent.KubeletEvent(3000, "Killing", "side",
                            "Container side failed liveness probe, will be restarted"),
                    new TraceEvent.SignalSent(3000, "side", TraceEvent.Signal.SIGTERM),
                    new TraceEvent.ProbeResult(10000, "proxy", ProbeKind.startup, true),
                    status(10000, "proxy", running(0), false, true),
                    status(11000, "side", terminated(0, 0, 11000), false, false),
                    status(11000, "side", running(11000), true, true), initialized(11000)));
            assertThat(new Initialized().check(Trials.of(SIDECARS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_Initialized_lags_a_startup_written_while_the_pod_worker_is_free() {
            ContainerStatusChanged started = status(10000, "proxy", running(0), false, true);
            var t = Events.trace(trace(new TraceEvent.ProbeResult(10000, "proxy", ProbeKind.startup, true), started,
                    initialized(11000)));
            assertThat(new Initialized().check(Trials.of(SIDECARS, t))).isInstanceOf(Verdict.Violated.class)
                    .extracting(v -> ((Verdict.Violated) v).message()).isEqualTo("from 10000 ms to 11000 ms the "
                            + "Initialized condition was False ContainersNotInitialized (containers with incomplete "
                            + "status: [proxy]), but the container statuses make it True");
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
