package dev.podcheck.conformance.invariant.update;

import static dev.podcheck.conformance.invariant.probe.Events.exited;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.conformance.invariant.deadline.ActiveDeadline;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.PodUpdated;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-built traces of a pod whose spec is updated (SEMANTICS SU-1..SU-4). */
class UpdateInvariantsTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              restartPolicy: Never
              activeDeadlineSeconds: 300
              terminationGracePeriodSeconds: 1
              containers: [{name: app, image: busybox:1.36}]
            """;
    static final TraceEvent RUNNING = running(0, "app", true, true);
    static final PodUpdated NEW_IMAGE = new PodUpdated(30_000, Map.of("app", "nginx:1.27"), null);
    static final KubeletEvent KILL = new KubeletEvent(30_000, "Killing", "app",
            "Container app definition changed, will be restarted");

    @Nested
    class ImageChangeRestartsTest {
        @Test
        void should_hold_when_the_update_kills_the_running_container_at_once() {
            var t = trace(RUNNING, NEW_IMAGE, KILL, exited(30_000, "app", 0, 143, false));
            assertThat(new ImageChangeRestarts().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_old_container_runs_on() {
            var t = trace(RUNNING, NEW_IMAGE);
            assertThat(new ImageChangeRestarts().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "container app's image was updated at 30000 ms while it ran, but it was not killed for its changed"
                            + " definition by the end", NEW_IMAGE));
        }

        @Test
        void should_owe_nothing_for_an_update_naming_the_image_it_has() {
            var t = trace(RUNNING, new PodUpdated(30_000, Map.of("app", "busybox:1.36"), null));
            assertThat(new ImageChangeRestarts().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class RestartOnlyOnChangeTest {
        @Test
        void should_hold_for_one_kill_per_change() {
            var t = trace(RUNNING, NEW_IMAGE, KILL);
            assertThat(new RestartOnlyOnChange().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_by_a_kill_after_a_refused_update() {
            // GIVEN the apiserver refused the update THEN nothing changed, and nothing may be killed for it
            var t = trace(RUNNING, new TraceEvent.UpdateRefused(30_000, "Pod \"p\" is invalid: spec.containers: "
                    + "Forbidden: pod updates may not add or remove containers"), KILL);
            assertThat(new RestartOnlyOnChange().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "container app was killed for a changed definition at 30000 ms, but updates had changed its image 0"
                            + " times before and it had been killed for that 0 times", KILL));
        }
    }

    @Nested
    class LoweredDeadlineTest {
        @Test
        void should_hold_when_a_deadline_lowered_into_the_past_fails_the_pod_at_the_update() {
            PodUpdated lowered = new PodUpdated(20_000, Map.of(), 5L);
            var t = trace(RUNNING, lowered, new PodPhaseChanged(21_000, PodPhase.Failed, "DeadlineExceeded", ""));
            assertThat(new ActiveDeadline().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_lowered_deadline_is_not_kept() {
            // GIVEN 300 s lowered to 60 s at 20 s THEN Failed by 60 + 1 (grace) + 5 s; it ran to the end
            var t = trace(RUNNING, new PodUpdated(20_000, Map.of(), 60L));
            assertThat(new ActiveDeadline().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "the pod passed its deadline at 60000 ms (startTime 0 ms + 60 s) but was not Failed with reason "
                            + "DeadlineExceeded by 66000 ms", RUNNING));
        }

        @Test
        void should_hold_a_raised_deadline_to_the_one_before() {
            // an update cannot raise it (SU-1): a trace that shows one is still held to 300 s
            var t = trace(RUNNING, new PodUpdated(20_000, Map.of(), 900L));
            assertThat(new ActiveDeadline().check(Trials.of(POD, t))).isInstanceOf(Verdict.Violated.class);
        }
    }
}
