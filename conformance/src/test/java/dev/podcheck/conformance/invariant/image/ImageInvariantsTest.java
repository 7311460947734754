package dev.podcheck.conformance.invariant.image;

import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-built traces of runtime.go's image pull pod: one container, imagePullPolicy Always (SEMANTICS IP-2..IP-5). */
class ImageInvariantsTest {
    static final String IMAGE = "invalid.registry.k8s.io/invalid/alpine:3.1";
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: image-pull-test
              annotations:
                podcheck.dev/scenario: |
                  images:
                    "%s": %s
            spec:
              restartPolicy: Never
              containers:
              - {name: app, image: "%s", imagePullPolicy: %s}
            """;
    static final String ALWAYS = POD.formatted(IMAGE, "{neverPulls: true}", IMAGE, "Always");

    static final TraceEvent PENDING = new PodPhaseChanged(0, PodPhase.Pending, "", "");

    static KubeletEvent pulling(long at) {
        return new KubeletEvent(at, "Pulling", "app", "Pulling image \"" + IMAGE + "\"");
    }

    static KubeletEvent failed(long at) {
        return new KubeletEvent(at, "Failed", "app", "Failed to pull image \"" + IMAGE + "\": not found");
    }

    static KubeletEvent pulled(long at) {
        return new KubeletEvent(at, "Pulled", "app", "Successfully pulled image \"" + IMAGE + "\" in 1s (1s including waiting)");
    }

    @Nested
    class PullBackOffTest {
        @Test
        void should_hold_when_pulls_wait_10_then_20_seconds() {
            var t = trace(PENDING, pulling(0), failed(1_000), pulling(11_000), failed(12_000), pulling(32_000));
            assertThat(new PullBackOff().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_second_back_off_does_not_double() {
            // GIVEN failures at 1 s and 12 s THEN the back-off after the second is 20 s: a pull at 22 s is early
            KubeletEvent early = pulling(22_000);
            var t = trace(PENDING, pulling(0), failed(1_000), pulling(11_000), failed(12_000), early);
            assertThat(new PullBackOff().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "image " + IMAGE + " was pulled again at 22000 ms, 10000 ms after its failed pull at 12000 ms;"
                            + " its back-off was 20 s", failed(12_000), early));
        }

        @Test
        void should_cap_the_back_off_at_300_seconds() {
            var t = trace(PENDING, pulling(0), failed(0), pulling(10_000), failed(10_000), pulling(30_000),
                    failed(30_000), pulling(70_000), failed(70_000), pulling(150_000), failed(150_000),
                    pulling(310_000), failed(310_000), pulling(610_000));
            assertThat(new PullBackOff().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class PullRetriedTest {
        @Test
        void should_hold_when_the_retry_comes_at_the_worker_retry_past_the_back_off() {
            var t = trace(PENDING, pulling(0), failed(1_000), pulling(11_000), failed(12_000), pulling(42_000));
            assertThat(new PullRetried().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_a_failed_pull_is_never_retried() {
            // GIVEN a failed pull at 1 s THEN a retry is owed by 1 + 10 + 15 s; none until the end
            var t = trace(PENDING, pulling(0), failed(1_000));
            assertThat(new PullRetried().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "container app's pull of " + IMAGE + " failed at 1000 ms (back-off 10 s) and was not retried until"
                            + " the end", failed(1_000)));
        }

        @Test
        void should_be_violated_when_the_retry_comes_late() {
            KubeletEvent late = pulling(26_001);
            var t = trace(PENDING, pulling(0), failed(1_000), late);
            assertThat(new PullRetried().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "container app's pull of " + IMAGE + " failed at 1000 ms (back-off 10 s) and was not retried until"
                            + " 26001 ms", failed(1_000), late));
        }

        @Test
        void should_owe_no_retry_of_an_image_an_update_replaced_while_it_was_pulled() {
            // seed 101 trial 6538 of a 10,000-trial run: the update came in the instant the pull failed
            var t = trace(PENDING, pulling(0), new TraceEvent.PodUpdated(1_000, Map.of("app", "busybox:1.37"), null),
                    failed(1_000));
            assertThat(new PullRetried().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_still_owe_the_retry_when_the_image_changes_only_after_it_was_due() {
            var t = trace(PENDING, pulling(0), failed(1_000), new TraceEvent.PodUpdated(60_000, Map.of("app",
                    "busybox:1.37"), null));
            assertThat(new PullRetried().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.violated(
                    "container app's pull of " + IMAGE + " failed at 1000 ms (back-off 10 s) and was not retried until"
                            + " the end", failed(1_000)));
        }

        @Test
        void should_owe_nothing_once_the_pod_is_deleted() {
            var t = trace(PENDING, pulling(0), failed(1_000), new TraceEvent.DeletionRequested(5_000, 30, false, 35_000));
            assertThat(new PullRetried().check(Trials.of(ALWAYS, t))).isEqualTo(Verdict.HOLDS);
        }
    }

    @Nested
    class PullPolicyTest {
        @Test
        void should_be_violated_by_a_pull_under_Never() {
            String never = POD.formatted(IMAGE, "{present: true}", IMAGE, "Never");
            assertThat(new PullPolicy().check(Trials.of(never, trace(PENDING, pulling(0))))).isEqualTo(Verdict.violated(
                    "container app pulled image " + IMAGE + " at 0 ms under imagePullPolicy Never", pulling(0)));
        }

        @Test
        void should_be_violated_by_a_pull_of_a_present_image_under_IfNotPresent() {
            String present = POD.formatted(IMAGE, "{present: true}", IMAGE, "IfNotPresent");
            assertThat(new PullPolicy().check(Trials.of(present, trace(PENDING, pulling(0))))).isEqualTo(Verdict.violated(
                    "container app pulled image " + IMAGE + " at 0 ms under imagePullPolicy IfNotPresent, though the"
                            + " image was on the node (before the pod)", pulling(0)));
        }

        @Test
        void should_be_violated_by_a_second_pull_under_IfNotPresent() {
            String absent = POD.formatted(IMAGE, "{pullTakes: 1s}", IMAGE, "IfNotPresent");
            var t = trace(PENDING, pulling(0), pulled(1_000), pulling(20_000));
            assertThat(new PullPolicy().check(Trials.of(absent, t))).isEqualTo(Verdict.violated(
                    "container app pulled image " + IMAGE + " at 20000 ms under imagePullPolicy IfNotPresent, though the"
                            + " image was on the node (pulled at 1000 ms)", pulling(20_000)));
        }

        @Test
        void should_hold_for_pulls_at_every_start_under_Always() {
            String always = POD.formatted(IMAGE, "{present: true}", IMAGE, "Always");
            var t = trace(PENDING, pulling(0), pulled(1_000), pulling(20_000), pulled(21_000));
            assertThat(new PullPolicy().check(Trials.of(always, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_hold_for_a_retry_after_a_failed_pull_under_IfNotPresent() {
            String absent = POD.formatted(IMAGE, "{failedPulls: 1}", IMAGE, "IfNotPresent");
            var t = trace(PENDING, pulling(0), failed(0), pulling(10_000), pulled(10_000));
            assertThat(new PullPolicy().check(Trials.of(absent, t))).isEqualTo(Verdict.HOLDS);
        }
    }
}
