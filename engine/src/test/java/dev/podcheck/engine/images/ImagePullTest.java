package dev.podcheck.engine.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The kubelet's image manager in the engine (SEMANTICS IP-2..IP-6), one rule per nested class. */
class ImagePullTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                podcheck.dev/scenario: |
                  images:
                    "busybox:1.36": %s
                  containers:
                    app: %s
            spec:
              restartPolicy: %s
              containers:
              - name: app
                image: busybox:1.36
                imagePullPolicy: %s
            """;

    static Simulations run(String image, String behaviour, String restartPolicy, String pullPolicy,
                           EngineOptions options) {
        return Simulations.run(POD.formatted(image, behaviour, restartPolicy, pullPolicy),
                options.withHorizon(Duration.ofMinutes(10)));
    }

    static Simulations run(String image, String pullPolicy) {
        return run(image, "{}", "Always", pullPolicy, EngineOptions.DEFAULT);
    }

    /** "at reason" for the kubelet's events of one kind set, in order. */
    static List<String> events(Simulations sim, String... reasons) {
        Set<String> wanted = Set.of(reasons);
        return sim.trace().all(KubeletEvent.class).filter(e -> wanted.contains(e.reason()))
                .map(e -> e.at() + " " + e.reason()).toList();
    }

    @Nested
    class PullPolicy {
        @Test
        void should_not_pull_a_present_image_under_IfNotPresent() {
            Simulations sim = run("{present: true}", "IfNotPresent");
            assertThat(events(sim, "Pulling", "Pulled", "Started")).containsExactly("0 Pulled", "0 Started");
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.reason().equals("Pulled")).findFirst()
                    .orElseThrow().message()).isEqualTo("Container image \"busybox:1.36\" already present on machine");
        }

        @Test
        void should_pull_at_every_start_under_Always() {
            // GIVEN a container that exits after 5 s, restarted under Always WHEN its policy is Always
            Simulations sim = run("{present: true, pullTakes: 2s}", "{exit: {after: 5s, code: 1}}", "Always", "Always",
                    EngineOptions.DEFAULT);
            // THEN each start pulls first: 2 s, run 5 s, the first restart at once, pulling again
            assertThat(events(sim, "Pulling", "Pulled", "Started").subList(0, 6)).containsExactly(
                    "0 Pulling", "2000 Pulled", "2000 Started", "7000 Pulling", "9000 Pulled", "9000 Started");
        }

        @Test
        void should_pull_an_absent_image_once_under_IfNotPresent() {
            Simulations sim = run("{pullTakes: 3s}", "{exit: {after: 5s, code: 1}}", "Always", "IfNotPresent",
                    EngineOptions.DEFAULT);
            assertThat(events(sim, "Pulling")).containsExactly("0 Pulling");
            assertThat(events(sim, "Pulled")).first().isEqualTo("3000 Pulled");
            assertThat(sim.starts("app")).hasSizeGreaterThan(3);
        }

        @Test
        void should_refuse_an_absent_image_under_Never() {
            Simulations sim = run("{pullTakes: 3s}", "Never");
            assertThat(events(sim, "Pulling", "ErrImageNeverPull", "Failed"))
                    .containsExactly("0 ErrImageNeverPull", "0 Failed");
            assertThat(sim.lastStatus("app").state()).isEqualTo(new ContainerState.Waiting("ErrImageNeverPull",
                    "Container image \"busybox:1.36\" is not present with pull policy of Never"));
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Pending);
        }

        @Test
        void pull_policy_ignored_pulls_a_present_image() {
            Simulations sim = run("{present: true}", "{}", "Always", "IfNotPresent",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.PULL_POLICY_IGNORED)));
            assertThat(events(sim, "Pulling")).containsExactly("0 Pulling");
        }
    }

    @Nested
    class BackOff {
        @Test
        void should_wait_10s_then_double_between_failed_pulls() {
            // GIVEN three failed pulls WHEN each fails at once THEN the worker retries every 10 s: the
            // second pull at the first retry, then 20 s and 40 s of ImagePullBackOff
            Simulations sim = run("{failedPulls: 3}", "Always");
            assertThat(events(sim, "Pulling", "Started")).containsExactly(
                    "0 Pulling", "10000 Pulling", "30000 Pulling", "70000 Pulling", "70000 Started");
            assertThat(events(sim, "BackOff")).containsExactly("20000 BackOff", "40000 BackOff");
        }

        @Test
        void should_show_ErrImagePull_then_ImagePullBackOff() {
            Simulations sim = run("{failedPulls: 3}", "Always");
            assertThat(sim.statusAt("app", 10_000).state()).isEqualTo(new ContainerState.Waiting("ErrImagePull",
                    "failed to pull and unpack image \"busybox:1.36\": not found"));
            // the reason cache is read before the sync acts (R-8b): the back-off met at 20 s shows from 30 s
            assertThat(sim.statusAt("app", 20_000).state()).extracting("reason").isEqualTo("ErrImagePull");
            assertThat(sim.statusAt("app", 30_000).state()).isEqualTo(new ContainerState.Waiting("ImagePullBackOff",
                    "Back-off pulling image \"busybox:1.36\""));
            assertThat(sim.statusAt("app", 30_000).restartCount()).isZero();
            assertThat(sim.statusAt("app", 70_000).state()).isInstanceOf(ContainerState.Running.class);
        }

        @Test
        void should_cap_the_back_off_at_300s() {
            Simulations sim = run("{neverPulls: true}", "Always");
            // 0, 10, 30, 70, 150, 310: the delays 10, 20, 40, 80, 160; then 300 (610), not 320 (630)
            assertThat(events(sim, "Pulling")).startsWith(
                    "0 Pulling", "10000 Pulling", "30000 Pulling", "70000 Pulling", "150000 Pulling", "310000 Pulling");
            assertThat(events(sim, "Pulling")).last().isEqualTo("310000 Pulling");
            Simulations longer = Simulations.run(POD.formatted("{neverPulls: true}", "{}", "Always", "Always"),
                    Duration.ofMinutes(12));
            assertThat(events(longer, "Pulling")).endsWith("310000 Pulling", "610000 Pulling");
        }

        @Test
        void image_pull_back_off_ignored_pulls_at_every_retry() {
            Simulations sim = run("{failedPulls: 3}", "{}", "Always", "Always",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.IMAGE_PULL_BACK_OFF_IGNORED)));
            assertThat(events(sim, "Pulling")).containsExactly("0 Pulling", "10000 Pulling", "20000 Pulling",
                    "30000 Pulling");
        }
    }

    @Nested
    class InitContainers {
        static final String INIT = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      images:
                        "registry.example/missing:1": {neverPulls: true, pullTakes: 1s}
                spec:
                  restartPolicy: Never
                  initContainers:
                  - {name: init, image: "registry.example/missing:1"}
                  containers:
                  - {name: app, image: busybox:1.36}
                """;

        @Test
        void should_keep_a_pod_pending_for_ever_when_its_init_image_cannot_be_pulled_under_Never() {
            Simulations sim = Simulations.run(INIT, Duration.ofMinutes(10));
            assertThat(sim.phases()).containsExactly(PodPhase.Pending);
            assertThat(sim.starts("init")).isEmpty();
            assertThat(sim.starts("app")).isEmpty();
            assertThat(sim.lastStatus("init").state()).isInstanceOf(ContainerState.Waiting.class);
            assertThat(((ContainerState.Waiting) sim.lastStatus("init").state()).reason())
                    .isIn("ErrImagePull", "ImagePullBackOff");
            assertThat(sim.lastStatus("app").state()).isEqualTo(ContainerState.waiting("PodInitializing"));
        }

        @Test
        void should_share_the_back_off_of_an_image_between_containers() {
            // GIVEN two containers of the same image WHEN the first pull fails THEN the second container's start,
            // in the same SyncPod, meets the back-off (keyed by pod and image), not a pull of its own; once a
            // pull succeeds the image is on the node and b, IfNotPresent, uses it
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      annotations:
                        podcheck.dev/scenario: |
                          images:
                            "busybox:1.36": {failedPulls: 1, pullTakes: 1s}
                    spec:
                      containers:
                      - {name: a, image: busybox:1.36}
                      - {name: b, image: busybox:1.36}
                    """, Duration.ofMinutes(1));
            assertThat(sim.trace().all(KubeletEvent.class)
                    .filter(e -> Set.of("Pulling", "Pulled", "BackOff").contains(e.reason()))
                    .map(e -> e.at() + " " + e.reason() + " " + e.container()).toList())
                    .containsExactly("0 Pulling a", "1000 BackOff b", "11000 Pulling a", "12000 Pulled a",
                            "12000 Pulled b");
        }
    }
}
