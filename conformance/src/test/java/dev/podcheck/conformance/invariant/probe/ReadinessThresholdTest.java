package dev.podcheck.conformance.invariant.probe;

import static dev.podcheck.conformance.invariant.probe.Events.probe;
import static dev.podcheck.conformance.invariant.probe.Events.ready;
import static dev.podcheck.conformance.invariant.probe.Events.running;
import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReadinessThresholdTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            spec:
              containers:
              - name: app
                image: busybox
                readinessProbe: {exec: {command: ["true"]}, successThreshold: 1, failureThreshold: 3}
            """;

    static TraceEvent fails(long at) {
        return probe(at, "app", ProbeKind.readiness, false);
    }

    @Nested
    class Safety {
        @Test
        void should_be_violated_when_ready_shows_without_a_success() {
            TraceEvent flip = ready(1000, "app", 0, true);
            var t = trace(running(0, "app", false, true), fails(500), flip);
            assertThat(new ReadinessThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app became ready at 1000 ms after only 0 readiness successes in a row (threshold 1)", flip));
        }

        @Test
        void should_be_violated_when_not_ready_shows_after_fewer_than_failureThreshold_failures() {
            TraceEvent flip = ready(21000, "app", 0, false);
            var t = trace(running(0, "app", false, true), probe(1000, "app", ProbeKind.readiness, true),
                    ready(1000, "app", 0, true), fails(11000), fails(21000), flip);
            assertThat(new ReadinessThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app became not ready at 21000 ms after only 2 readiness failures in a row (threshold 3)", flip));
        }
    }

    @Nested
    class Progress {
        @Test
        void should_hold_when_ready_follows_the_first_success_and_not_ready_the_third_failure() {
            var t = trace(running(0, "app", false, true), probe(1000, "app", ProbeKind.readiness, true),
                    ready(1000, "app", 0, true), fails(11000), fails(21000), fails(31000), ready(31000, "app", 0, false));
            assertThat(new ReadinessThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.HOLDS);
        }

        @Test
        void should_be_violated_when_the_container_stays_ready_after_failureThreshold_failures() {
            // GIVEN three failures in a row by 31 s WHEN app still shows ready at the next event THEN it is late
            TraceEvent third = fails(31000);
            var t = trace(running(0, "app", false, true), probe(1000, "app", ProbeKind.readiness, true),
                    ready(1000, "app", 0, true), fails(11000), fails(21000), third, fails(41000));
            assertThat(new ReadinessThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app had 3 readiness failures in a row by 31000 ms (threshold 3) but was still ready at 31000 ms",
                    third));
        }

        @Test
        void should_be_violated_when_the_container_never_becomes_ready_after_a_success() {
            TraceEvent success = probe(1000, "app", ProbeKind.readiness, true);
            var t = trace(running(0, "app", false, true), success);
            assertThat(new ReadinessThreshold().check(Trials.of(POD, t))).isEqualTo(Verdict.violated(
                    "app had 1 readiness successes in a row by 1000 ms (threshold 1) but was still not ready at 1000 ms",
                    success));
        }
    }
}
