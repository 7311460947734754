package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.restart.Events.deletion;
import static dev.podcheck.conformance.invariant.restart.Events.exited;
import static dev.podcheck.conformance.invariant.restart.Events.phase;
import static dev.podcheck.conformance.invariant.restart.Events.running;
import static dev.podcheck.conformance.invariant.restart.Events.trace;
import static dev.podcheck.conformance.invariant.restart.Events.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FollowsContainersTest {
    static final String NEVER = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "containers: [{name: app, image: busybox}]}}";
    static final String SIDECAR = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {restartPolicy: Never, "
            + "initContainers: [{name: proxy, image: envoy, restartPolicy: Always}, {name: setup, image: busybox}], "
            + "containers: [{name: app, image: busybox}]}}";

    @Nested
    class Safety {
        @Test
        void should_hold_when_the_phase_follows_the_container_from_start_to_exit() {
            var t = trace(waiting(0, "app", "ContainerCreating"), phase(0, PodPhase.Pending), running(1000, "app", 0),
                    phase(1000, PodPhase.Running), exited(5000, "app", 0, 1000, 0), phase(5000, PodPhase.Succeeded));
            assertThat(new FollowsContainers().check(Trials.of(NEVER, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_hold_Pending_back_while_a_sidecar_stops_after_an_init_container_failed_in_the_same_millisecond() {
            // GIVEN Pending written at 0, setup failing at 0 under Never (the pod is Failed), proxy stopping until 11 s
            var t = trace(waiting(0, "app", "PodInitializing"), waiting(0, "setup", "PodInitializing"), phase(0, PodPhase.Pending),
                    running(0, "proxy", 0), running(0, "setup", 0), exited(0, "setup", 1, 0, 0),
                    exited(11000, "proxy", 143, 0, 0), phase(11000, PodPhase.Failed));
            assertThat(new FollowsContainers().check(Trials.of(SIDECAR, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_phase_is_Running_while_the_container_is_created() {
            TraceEvent created = waiting(0, "app", "ContainerCreating");
            TraceEvent early = phase(0, PodPhase.Running);
            var t = trace(created, early, running(1000, "app", 0));
            assertThat(new FollowsContainers().check(Trials.of(NEVER, t))).isEqualTo(Verdict.violated(
                    "from 0 ms to 1000 ms the pod phase was Running, but the container statuses make it Pending",
                    created, early));
        }

        @Test
        void should_be_violated_when_a_failed_container_makes_the_pod_Succeeded() {
            TraceEvent failed = exited(5000, "app", 1, 1000, 0);
            TraceEvent succeeded = phase(5000, PodPhase.Succeeded);
            var t = trace(running(1000, "app", 0), phase(1000, PodPhase.Running), failed, succeeded);
            assertThat(new FollowsContainers().check(Trials.of(NEVER, t))).isEqualTo(Verdict.violated(
                    "from 5000 ms to 600000 ms the pod phase was Succeeded, but the container statuses make it Failed",
                    failed, succeeded));
        }
    }

    @Nested
    class Progress {
        @Test
        void should_be_violated_when_the_phase_stays_Running_after_the_last_container_exited_under_Never() {
            TraceEvent running = phase(1000, PodPhase.Running);
            TraceEvent done = exited(5000, "app", 0, 1000, 0);
            var t = trace(running(1000, "app", 0), running, done);
            assertThat(new FollowsContainers().check(Trials.of(NEVER, t))).isEqualTo(Verdict.violated(
                    "from 5000 ms to 600000 ms the pod phase was Running, but the container statuses make it Succeeded",
                    running, done));
        }

        @Test
        void should_let_Failed_wait_while_a_sidecar_runs() {
            // GIVEN setup failed under Never WHEN proxy still runs THEN the status manager holds Failed back (SM-3)
            var t = trace(running(0, "proxy", 0), waiting(0, "app", "PodInitializing"), phase(0, PodPhase.Pending),
                    exited(2000, "setup", 1, 1000, 0), exited(4000, "proxy", 137, 0, 0), phase(4000, PodPhase.Failed));
            assertThat(new FollowsContainers().check(Trials.of(SIDECAR, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_Failed_does_not_come_once_nothing_runs() {
            TraceEvent pending = phase(0, PodPhase.Pending);
            TraceEvent failed = exited(2000, "setup", 1, 1000, 0);
            TraceEvent proxy = exited(2000, "proxy", 137, 0, 0);
            var t = trace(running(0, "proxy", 0), waiting(0, "app", "PodInitializing"), pending, failed, proxy);
            assertThat(new FollowsContainers().check(Trials.of(SIDECAR, t))).isEqualTo(Verdict.violated(
                    "from 2000 ms to 600000 ms the pod phase was Pending, but the container statuses make it Failed",
                    waiting(0, "app", "PodInitializing"), pending, proxy, failed));
        }

        @Test
        void should_owe_nothing_once_the_pod_is_deleted() {
            // GIVEN a deletion at 2000 ms: the kubelet stops the pod and decides its phase itself (T-9)
            var t = trace(running(1000, "app", 0), phase(1000, PodPhase.Running), deletion(2000, 30),
                    exited(3000, "app", 137, 1000, 0));
            assertThat(new FollowsContainers().check(Trials.of(NEVER, t))).isEqualTo(Verdict.HOLDS);
        }
    }
}
