package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e/common/node/pods.go that update a pod's spec (SEMANTICS SU-2..SU-4):
 * "should allow activeDeadlineSeconds to be updated" (NodeConformance, Conformance) and "should have
 * their auto-restart back-off timer reset on image update" (Slow, NodeConformance).
 */
class PodUpdateE2eTest {

    @Test
    void should_allow_activeDeadlineSeconds_to_be_updated() {
        // GIVEN the pause pod, running (CreateSync) WHEN activeDeadlineSeconds is set to 5 at 20 s
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod-update-activedeadlineseconds
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - updatePod: {at: 20s, activeDeadlineSeconds: 5}
                spec:
                  containers:
                  - {name: pause, image: "registry.k8s.io/pause:3.10"}
                """, Duration.ofMinutes(2));

        // THEN WaitForPodTerminatedInNamespace(..., "DeadlineExceeded"): Failed at once, the deadline long past
        TraceEvent.PodPhaseChanged failed = sim.phaseChange(PodPhase.Failed).orElseThrow();
        assertThat(failed.reason()).isEqualTo("DeadlineExceeded");
        assertThat(failed.at()).isEqualTo(20_000);
    }

    @Test
    void should_have_their_auto_restart_back_off_timer_reset_on_image_update() {
        // GIVEN `sleep 5` restarted under Always for 2.5 minutes (startPodAndGetBackOffs) WHEN the image changes
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod-back-off-image
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        back-off: {exit: {after: 5s, code: 0}}
                      events:
                      - updatePod: {at: 150s, containers: {back-off: {image: "nginx:1.27"}}}
                spec:
                  containers:
                  - {name: back-off, image: busybox:1.36}
                """, Duration.ofMinutes(8));

        List<Long> starts = sim.starts("back-off");
        List<Long> exits = sim.exits("back-off");
        long delay1 = delayBefore(starts, exits, 150_000, 2);
        long delay2 = delayBefore(starts, exits, 150_000, 1);
        long afterUpdate = delayAfter(starts, exits, 150_000);
        // THEN "updating image did not reset the back-off value" unless d3 <= 2*d2 and d3 <= 2*d1
        assertThat(afterUpdate).as(sim.log()).isLessThanOrEqualTo(2 * delay2).isLessThanOrEqualTo(2 * delay1);
        assertThat(delay2).isGreaterThan(afterUpdate);
    }

    /** The restart delay {@code back} exits before {@code t}: from that exit to the next start. */
    private static long delayBefore(List<Long> starts, List<Long> exits, long t, int back) {
        List<Long> before = exits.stream().filter(e -> e < t).toList();
        long exit = before.get(before.size() - 1 - back);
        return starts.stream().filter(s -> s > exit).findFirst().orElseThrow() - exit;
    }

    /** The first full restart delay after {@code t}. */
    private static long delayAfter(List<Long> starts, List<Long> exits, long t) {
        long exit = exits.stream().filter(e -> e > t).findFirst().orElseThrow();
        return starts.stream().filter(s -> s > exit).findFirst().orElseThrow() - exit;
    }
}
