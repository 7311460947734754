package dev.podcheck.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.invariant.Catalogue;
import dev.podcheck.conformance.runner.Counterexample;
import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shrinker on known bugs: with the default budget and {@code podcheck run}'s 2,000 shrink
 * attempts, a mutant's first violation of the invariant that catches it shrinks to exactly this
 * minimal pod (the catalogue is narrowed to that invariant; its first violating trial and its
 * shrinking do not depend on the other invariants).
 */
class MutantShrinkTest {

    private static Counterexample shrunk(Fault fault, String invariantId) {
        Invariant invariant = Catalogue.all().stream().filter(i -> i.id().equals(invariantId)).findFirst().orElseThrow();
        RunResult result = DefaultRun.run(DefaultRun.shrinking(Set.of(fault), List.of(invariant)));
        InvariantResult r = result.invariants().get(0);
        assertThat(r.outcome()).isEqualTo(InvariantResult.Outcome.VIOLATED);
        Counterexample c = r.counterexample();
        System.out.println(fault + " / " + invariantId + " (" + c.origin() + ", " + c.shrinkSteps() + " steps):\n"
                + ScenarioWriter.toYaml(c.scenario()) + c.verdict().message());
        return c;
    }

    @Test
    void should_shrink_app_before_init_to_one_plain_init_container_and_one_app() {
        Counterexample c = shrunk(Fault.APP_STARTS_BEFORE_INIT_ENDS, "init/order");

        assertThat(c.trial()).isEqualTo(1);
        assertThat(ScenarioWriter.toYaml(c.scenario())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                spec:
                  initContainers:
                  - name: init
                    image: busybox:1.36
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
    }

    @Test
    void should_shrink_never_restarts_to_one_app_that_exits_0_at_once_under_never() {
        Counterexample c = shrunk(Fault.NEVER_RESTARTS_ANYWAY, "restart/never");

        assertThat(c.trial()).isEqualTo(9);
        assertThat(ScenarioWriter.toYaml(c.scenario())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app:
                        - exit:
                            after: 0s
                            code: 0
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                  restartPolicy: Never
                """);
    }

    @Test
    void should_shrink_prestop_skipped_to_a_container_with_a_prestop_hook_and_a_deadline() {
        Counterexample c = shrunk(Fault.PRESTOP_SKIPPED, "termination/prestop-before-sigterm");

        // The deadline stops the pod as a deletion would: one container, its hook, the deadline.
        assertThat(c.trial()).isEqualTo(16);
        assertThat(ScenarioWriter.toYaml(c.scenario())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    lifecycle:
                      preStop:
                        exec:
                          command:
                          - "true"
                  activeDeadlineSeconds: 60
                """);
    }

    @Test
    void should_shrink_a_reversed_eviction_ranking_to_two_pods_of_which_the_wrong_one_goes() {
        Counterexample c = shrunk(Fault.EVICTION_RANKING_REVERSED, "pressure/ranked");

        // THEN the pod using nothing goes while its neighbour, 256Mi above its request, ranked first
        assertThat(c.trial()).isEqualTo(7);
        assertThat(c.verdict().message()).isEqualTo("pod was evicted for memory at 10000 ms (within its memory request, "
                + "priority 0, 0 above its request) while neighbour-1 ranked before it (above its memory request, "
                + "priority 0, 256Mi above its request)");
        assertThat(ScenarioWriter.toYaml(c.scenario())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: pod
                  annotations:
                    podcheck.dev/scenario: |
                      events:
                      - nodeMemoryPressure:
                          at: 0s
                          allocatable: 256Mi
                          evictionThreshold: 100Mi
                      neighbours:
                      - neighbour-1
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: neighbour-1
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app:
                        - memory:
                          - from: 0s
                            bytes: 256Mi
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                """);
    }
}
