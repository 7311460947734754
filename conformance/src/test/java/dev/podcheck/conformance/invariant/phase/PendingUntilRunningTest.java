package dev.podcheck.conformance.invariant.phase;

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

class PendingUntilRunningTest {
    static final String POD = "{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: "
            + "[{name: app, image: busybox}, {name: web, image: nginx}]}}";

    @Nested
    class Safety {
        @Test
        void should_hold_when_the_phase_becomes_Running_with_the_first_start() {
            var t = trace(running(1000, "app", 0), phase(1000, PodPhase.Running), running(1000, "web", 0));
            assertThat(new PendingUntilRunning().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_phase_is_Running_before_any_regular_container_started() {
            TraceEvent early = phase(500, PodPhase.Running);
            var t = trace(waiting(0, "app", "ContainerCreating"), early, running(1000, "app", 0), running(1000, "web", 0));
            assertThat(new PendingUntilRunning().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "the pod phase became Running at 500 ms before any regular container had started", early));
        }
    }

    @Nested
    class Progress {
        @Test
        void should_be_violated_when_the_phase_stays_Pending_once_every_container_runs() {
            // GIVEN both containers run from 1000 ms WHEN the phase is still Pending at 5000 ms THEN it is late
            TraceEvent app = running(1000, "app", 0);
            TraceEvent web = running(1000, "web", 0);
            var t = trace(app, web, phase(5000, PodPhase.Pending));
            assertThat(new PendingUntilRunning().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "every regular container was running from 1000 ms but the pod phase was still Pending at 5000 ms",
                    app, web));
        }

        @Test
        void should_be_violated_when_the_phase_never_becomes_Running() {
            TraceEvent web = running(1000, "web", 0);
            var t = trace(running(1000, "app", 0), web);
            assertThat(new PendingUntilRunning().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "every regular container was running from 1000 ms but the pod phase was still not Running at "
                            + "600000 ms", web));
        }

        @Test
        void should_owe_nothing_while_one_regular_container_still_waits() {
            var t = trace(running(1000, "app", 0), waiting(1000, "web", "ContainerCreating"));
            assertThat(new PendingUntilRunning().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }
    }
}
