package dev.podcheck.conformance.invariant.eviction;

import static dev.podcheck.conformance.invariant.restart.Events.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Trials;
import dev.podcheck.spec.trace.TraceEvent;
import org.junit.jupiter.api.Test;

class OnlyUnderPressureTest {
    /** A node of 1Gi allocatable from 15 s with a 100Mi threshold; app uses {@code bytes} from its start. */
    static String pod(String bytes, String priority) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: hog
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {memory: [{from: 0s, bytes: %s}]}
                      events:
                      - nodeMemoryPressure: {at: 15s, allocatable: 1Gi, evictionThreshold: 100Mi}
                spec:
                  %s
                  containers:
                  - {name: app, image: busybox}
                """.formatted(bytes, priority);
    }

    static final String HOG = pod("1000Mi", "");

    static TraceEvent started(long at) {
        return new TraceEvent.KubeletEvent(at, "Started", "app", "Started container app");
    }

    static TraceEvent evicted(long at) {
        return new TraceEvent.PodEvicted(at, "memory", "The node was low on resource: memory. ");
    }

    @Test
    void should_hold_when_the_pods_working_set_leaves_less_than_the_threshold() {
        // GIVEN 1Gi - 1000Mi = 24Mi available, below 100Mi
        var trace = trace(started(1000), running(1000, "app", 0), evicted(20000));

        assertThat(new OnlyUnderPressure().check(Trials.of(HOG, trace))).isEqualTo(Verdict.HOLDS);
    }

    @Test
    void should_be_violated_by_an_eviction_before_any_node_condition() {
        TraceEvent ev = evicted(10000);
        var trace = trace(started(1000), running(1000, "app", 0), ev);

        assertThat(new OnlyUnderPressure().check(Trials.of(HOG, trace))).isEqualTo(Verdict.violated(
                "the pod was evicted at 10000 ms with no node memory condition in effect", ev));
    }

    @Test
    void should_be_violated_when_memory_available_is_above_the_threshold() {
        TraceEvent ev = evicted(20000);
        var trace = trace(started(1000), running(1000, "app", 0), ev);

        assertThat(new OnlyUnderPressure().check(Trials.of(pod("100Mi", ""), trace))).isEqualTo(Verdict.violated(
                "the pod was evicted at 20000 ms with 968884224 bytes available, not below the threshold of "
                        + "104857600 bytes", ev));
    }

    @Test
    void should_not_count_a_process_that_already_exited() {
        // GIVEN the hog exited at 5 s: nothing uses memory at 20 s
        TraceEvent ev = evicted(20000);
        var trace = trace(started(1000), running(1000, "app", 0), exited(5000, "app", 1, 1000, 0), ev);

        assertThat(new OnlyUnderPressure().check(Trials.of(HOG, trace))).isEqualTo(Verdict.violated(
                "the pod was evicted at 20000 ms with 1073741824 bytes available, not below the threshold of "
                        + "104857600 bytes", ev));
    }

    @Test
    void should_be_violated_when_a_critical_pod_is_evicted() {
        TraceEvent ev = evicted(20000);
        var trace = trace(started(1000), running(1000, "app", 0), ev);

        assertThat(new OnlyUnderPressure().check(Trials.of(pod("1000Mi", "priority: 2000000000"), trace)))
                .isEqualTo(Verdict.violated("the pod, of critical priority 2000000000, was evicted at 20000 ms", ev));
    }
}
