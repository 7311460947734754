package dev.podcheck.conformance.invariant.qos;

import static dev.podcheck.conformance.invariant.probe.Events.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QoSClassTest {
    static String pod(String resources) {
        return """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  initContainers:
                  - {name: side, image: busybox, restartPolicy: Always, resources: {limits: {cpu: 100m, memory: 64Mi}}}
                  containers:
                  - {name: app, image: busybox, resources: %s}
                """.formatted(resources);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{limits: {cpu: 1, memory: 1Gi}}                            | Guaranteed",
            "{requests: {cpu: 500m}, limits: {cpu: 1, memory: 1Gi}}     | Burstable",
            "{}                                                         | Burstable",
            "{limits: {cpu: 1, memory: 1Gi, ephemeral-storage: 1Gi}}    | Guaranteed"})
    void should_classify_with_sidecars_counted(String resources, String expected) {
        TraceEvent created = new TraceEvent.PodCreated(0, expected);
        assertThat(new QoSClass().check(Trials.of(pod(resources), trace(created)))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_when_the_class_ignores_the_sidecar() {
        // GIVEN a BestEffort app but a sidecar with limits WHEN created BestEffort THEN violated: init containers count
        TraceEvent created = new TraceEvent.PodCreated(0, "BestEffort");
        assertThat(new QoSClass().check(Trials.of(pod("{}"), trace(created)))).isEqualTo(Verdict.violated(
                "the pod was created with qosClass BestEffort, but its resources make it Burstable", created));
    }

    @Test
    void should_be_unknown_without_a_creation_event() {
        assertThat(new QoSClass().check(Trials.of(pod("{}"), trace())))
                .isEqualTo(Verdict.unknown("the trace has no PodCreated event"));
    }
}
