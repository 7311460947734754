package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e/common/node/runtime.go "Container Runtime blackbox test when running a
 * container with a new image" (SEMANTICS IP-2..IP-7): imagePullPolicy Always, restartPolicy Never,
 * a container that loops for ever; each expectation polled for up to a few minutes.
 */
class ImagePullE2eTest {
    /** imageutils.InvalidRegistryImage. */
    static final String INVALID = "invalid.registry.k8s.io/invalid/alpine:3.1";
    static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.53";

    private static Simulations imagePullTest(String image, String nodeImage) {
        return Simulations.run("""
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
                  - name: image-pull-test
                    image: %s
                    command: [/bin/sh, -c, "while true; do sleep 1; done"]
                    imagePullPolicy: Always
                """.formatted(image, nodeImage, image), Duration.ofMinutes(5));
    }

    @Test
    void should_not_be_able_to_pull_image_from_invalid_registry() {
        Simulations sim = imagePullTest(INVALID, "{neverPulls: true, pullTakes: 1s}");
        // checkContainerStatus: Waiting with ErrImagePull or ImagePullBackOff, and the pod Pending
        ContainerState state = sim.lastStatus("image-pull-test").state();
        assertThat(state).isInstanceOf(ContainerState.Waiting.class);
        assertThat(((ContainerState.Waiting) state).reason()).isIn("ErrImagePull", "ImagePullBackOff");
        assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Pending);
        assertThat(sim.starts("image-pull-test")).isEmpty();
    }

    @Test
    void should_be_able_to_pull_image() {
        Simulations sim = imagePullTest(AGNHOST, "{pullTakes: 4s}");
        assertThat(sim.lastStatus("image-pull-test").state()).isInstanceOf(ContainerState.Running.class);
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Running);
        List<String> events = sim.trace().all(KubeletEvent.class).map(e -> e.at() + " " + e.reason()).toList();
        assertThat(events).containsSubsequence("0 Pulling", "4000 Pulled", "4000 Created", "4000 Started");
    }
}
