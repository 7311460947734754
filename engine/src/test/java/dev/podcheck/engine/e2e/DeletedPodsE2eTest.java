package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expectations of test/e2e_node/deleted_pods_test.go ("Deleted pods handling"): a pod with a
 * finalizer outlives its deletion with its final status readable (SEMANTICS FZ-2, FZ-3, T-4, T-10).
 */
class DeletedPodsE2eTest {
    private static final String SLEEPER = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: deleted-running
              finalizers: [example.com/test-finalizer]
              annotations:
                podcheck.dev/scenario: |
                  events:
                  - deletePod: {at: 10s, gracePeriodSeconds: 1}
                  %s
            spec:
              restartPolicy: %s
              containers:
              - {name: app, image: busybox:1.36, command: [sleep, "1800"]}
            """;

    private static Simulations sleeper(String policy, String moreEvents, EngineOptions options) {
        return Simulations.run(SLEEPER.formatted(moreEvents, policy), options);
    }

    @Nested
    class FinalStatusReadable {
        @ParameterizedTest
        @ValueSource(strings = {"Always", "OnFailure", "Never"})
        void should_transition_to_failed_a_deleted_pod_with_non_zero_exit_codes(String policy) {
            // DescribeTable("Should transition to Failed phase a deleted pod if non-zero exit codes")
            // GIVEN sleep 1800 (ignores SIGTERM is not needed: 143 / 137 are non-zero) deleted with grace 1
            Simulations sim = sleeper(policy, "", EngineOptions.DEFAULT);

            // THEN the pod stays, Failed, its container Terminated with a non-zero code; it is never removed
            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Failed);
            assertThat(sim.lastStatus("app").state()).isInstanceOfSatisfying(ContainerState.Terminated.class,
                    t -> assertThat(t.exitCode()).isNotZero());
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).as(sim.log()).isEmpty();
        }

        @Test
        void should_transition_to_succeeded_a_deleted_pod_whose_containers_exit_0() {
            // DescribeTable("Should transition to Succeeded phase a deleted pod when containers complete with 0 exit code")
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: deleted-succeeds
                      finalizers: [example.com/test-finalizer]
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            app: {onSigterm: {exitAfter: 0s, code: 0}}
                          events:
                          - deletePod: {at: 10s}
                    spec:
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Succeeded);
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).isEmpty();
        }

        @Test
        void should_keep_a_force_deleted_pod_and_write_its_terminal_phase() {
            // FZ-2: grace 0 does not remove an object with finalizers, so the kubelet's final status lands in it
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: forced
                      finalizers: [example.com/test-finalizer]
                      annotations:
                        podcheck.dev/scenario: |
                          events:
                          - deletePod: {at: 10s, gracePeriodSeconds: 0, force: true}
                    spec:
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            assertThat(sim.finalPhase()).as(sim.log()).isEqualTo(PodPhase.Failed);
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).isEmpty();
        }
    }

    @Nested
    class RemovalOnceReleased {
        @Test
        void should_remove_the_pod_when_its_finalizer_goes_after_the_kubelet_finished() {
            // ginkgo.DeferCleanup(RemoveFinalizer): the cleanup removes the finalizer, and the pod is gone (FZ-3)
            Simulations sim = sleeper("Never", "- removeFinalizers: {at: 60s}", EngineOptions.DEFAULT);

            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).as(sim.log())
                    .singleElement().extracting(TraceEvent::at).isEqualTo(60_000L);
            assertThat(sim.phaseChange(PodPhase.Failed).orElseThrow().at()).isLessThan(60_000L);
        }

        @Test
        void should_remove_the_pod_at_the_kubelets_final_delete_when_the_finalizer_went_earlier() {
            // FZ-3: an update leaving no finalizer during the graceful stop does not remove it; the final DELETE does
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: released-while-stopping
                      finalizers: [example.com/test-finalizer]
                      annotations:
                        podcheck.dev/scenario: |
                          containers:
                            app: {onSigterm: ignore}
                          events:
                          - deletePod: {at: 10s, gracePeriodSeconds: 1}
                          - removeFinalizers: {at: 11s}
                    spec:
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            long terminal = sim.phaseChange(PodPhase.Failed).orElseThrow().at();
            assertThat(terminal).as(sim.log()).isGreaterThan(11_000L);
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).as(sim.log())
                    .singleElement().extracting(TraceEvent::at).isEqualTo(terminal);
        }

        @Test
        void should_not_remove_a_pod_that_was_never_deleted_when_its_finalizer_goes() {
            Simulations sim = Simulations.run("""
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: kept
                      finalizers: [example.com/test-finalizer]
                      annotations:
                        podcheck.dev/scenario: |
                          events:
                          - removeFinalizers: {at: 5s}
                    spec:
                      containers:
                      - {name: app, image: busybox:1.36}
                    """);

            assertThat(sim.trace().all(TraceEvent.FinalizersRemoved.class)).hasSize(1);
            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).isEmpty();
            assertThat(sim.finalPhase()).isEqualTo(PodPhase.Running);
        }
    }

    @Nested
    class Faults {
        @Test
        void finalizers_ignored_removes_the_pod_once_terminal() {
            Simulations sim = sleeper("Never", "", EngineOptions.DEFAULT.withFaults(Set.of(Fault.FINALIZERS_IGNORED)));

            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).as(sim.log()).hasSize(1);
        }

        @Test
        void finalizer_removal_keeps_pod_leaves_it_in_the_api() {
            Simulations sim = sleeper("Never", "- removeFinalizers: {at: 60s}",
                    EngineOptions.DEFAULT.withFaults(Set.of(Fault.FINALIZER_REMOVAL_KEEPS_POD)));

            assertThat(sim.trace().all(TraceEvent.PodRemoved.class)).as(sim.log()).isEmpty();
        }
    }
}
