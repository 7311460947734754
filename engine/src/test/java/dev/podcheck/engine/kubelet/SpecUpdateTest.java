package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Spec updates as world events (SEMANTICS SU-1..SU-4). */
class SpecUpdateTest {
    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              annotations:
                podcheck.dev/scenario: |
                  events:
                  - updatePod: %s
            spec:
              restartPolicy: %s
              activeDeadlineSeconds: 300
              initContainers:
              - {name: side, image: busybox:1.36, restartPolicy: Always}
              containers:
              - {name: app, image: busybox:1.36}
            """;

    static Simulations run(String update, String restartPolicy, EngineOptions options) {
        return Simulations.run(POD.formatted(update, restartPolicy), options.withHorizon(Duration.ofMinutes(6)));
    }

    static Simulations run(String update) {
        return run(update, "Never", EngineOptions.DEFAULT);
    }

    @Nested
    class ImageChange {
        @Test
        void should_kill_and_restart_a_running_container_whatever_the_restartPolicy() {
            Simulations sim = run("{at: 30s, containers: {app: {image: \"nginx:1.27\"}}}");
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.reason().equals("Killing")).findFirst()
                    .orElseThrow()).isEqualTo(new KubeletEvent(30_000, "Killing", "app",
                    "Container app definition changed, will be restarted"));
            assertThat(sim.starts("app")).containsExactly(0L, 30_000L);
            assertThat(sim.statusAt("app", 30_000).restartCount()).isEqualTo(1);
            assertThat(sim.statusAt("app", 30_000).lastState()).isInstanceOf(ContainerState.Terminated.class);
        }

        @Test
        void should_restart_a_running_sidecar_as_an_init_container() {
            Simulations sim = run("{at: 30s, containers: {side: {image: \"nginx:1.27\"}}}");
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.reason().equals("Killing"))
                    .map(KubeletEvent::message).findFirst()).contains("Init container side definition changed");
            assertThat(sim.starts("side")).containsExactly(0L, 30_000L);
            assertThat(sim.starts("app")).containsExactly(0L);
        }

        @Test
        void image_update_ignored_leaves_the_old_container_running() {
            Simulations sim = run("{at: 30s, containers: {app: {image: \"nginx:1.27\"}}}", "Never",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.IMAGE_UPDATE_IGNORED)));
            assertThat(sim.starts("app")).containsExactly(0L);
        }

        @Test
        void should_heal_an_image_that_cannot_be_pulled() {
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      annotations:
                        podcheck.dev/scenario: |
                          images:
                            "busybox:1.99": {neverPulls: true}
                          events:
                          - updatePod: {at: 45s, containers: {app: {image: "busybox:1.36"}}}
                    spec:
                      containers:
                      - {name: app, image: "busybox:1.99"}
                    """, Duration.ofMinutes(2));
            // the retry after the update (the worker's next sync) starts the new image
            assertThat(sim.starts("app")).containsExactly(45_000L);
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Running);
        }
    }

    @Nested
    class Refused {
        @Test
        void should_refuse_a_longer_deadline_with_the_apiservers_message() {
            Simulations sim = run("{at: 30s, activeDeadlineSeconds: 600}");
            assertThat(sim.trace().all(TraceEvent.UpdateRefused.class)).containsExactly(new TraceEvent.UpdateRefused(
                    30_000, "Pod \"p\" is invalid: spec.activeDeadlineSeconds: Invalid value: 600: must be less than or"
                    + " equal to previous value"));
            assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isEqualTo(300_000);
        }

        @Test
        void should_refuse_adding_a_container() {
            Simulations sim = run("{at: 30s, containers: {extra: {image: \"nginx:1.27\"}}}");
            assertThat(sim.trace().all(TraceEvent.UpdateRefused.class).map(TraceEvent.UpdateRefused::message))
                    .containsExactly("Pod \"p\" is invalid: spec.containers: Forbidden: pod updates may not add or"
                            + " remove containers");
        }

        @Test
        void update_validation_skipped_applies_a_longer_deadline() {
            Simulations sim = run("{at: 30s, activeDeadlineSeconds: 600}", "Never",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.UPDATE_VALIDATION_SKIPPED)));
            assertThat(sim.trace().all(TraceEvent.PodUpdated.class)).hasSize(1);
            assertThat(sim.phaseChange(PodPhase.Failed)).isEmpty();
        }
    }

    @Nested
    class Deadline {
        @Test
        void should_keep_a_deadline_set_before_the_pods_first_sync() {
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: p
                      annotations:
                        podcheck.dev/scenario: |
                          events:
                          - updatePod: {at: 0s, activeDeadlineSeconds: 60}
                    spec:
                      containers: [{name: app, image: busybox:1.36}]
                    """, Duration.ofMinutes(2));
            assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isEqualTo(60_000);
        }

        @Test
        void should_fail_the_pod_at_a_lowered_deadline_still_ahead() {
            Simulations sim = run("{at: 30s, activeDeadlineSeconds: 60}");
            TraceEvent.PodPhaseChanged failed = sim.phaseChange(PodPhase.Failed).orElseThrow();
            assertThat(failed.at()).isEqualTo(60_000);
            assertThat(failed.reason()).isEqualTo("DeadlineExceeded");
        }
    }
}
