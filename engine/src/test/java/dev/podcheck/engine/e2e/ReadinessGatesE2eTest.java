package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Simulations;
import dev.podcheck.engine.status.PodConditions;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e/common/node/pods.go "should support pod readiness gates"
 * (NodeConformance): Ready needs every gate's condition True, and follows each status patch at
 * once (SEMANTICS RG-2, RG-3, ST-14).
 */
class ReadinessGatesE2eTest {
    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: pod-ready
              annotations:
                podcheck.dev/scenario: |
                  events:
                  - patchCondition: {at: 20s, type: k8s.io/test-condition1, status: "True"}
                  - patchCondition: {at: 30s, type: k8s.io/test-condition2, status: "True"}
                  - patchCondition: {at: 40s, type: k8s.io/test-condition1, status: "False"}
            spec:
              readinessGates:
              - conditionType: k8s.io/test-condition1
              - conditionType: k8s.io/test-condition2
              containers:
              - {name: pod-readiness-gate, image: busybox:1.36, command: [/bin/sh, -c, "sleep 10000"]}
            """;

    @Test
    void should_support_pod_readiness_gates() {
        // GIVEN a running pod with two gates, patched True one after the other, then the first False
        Simulations sim = Simulations.run(POD);

        // THEN not Ready before both are True; Ready when the second is; not Ready when the first turns False
        assertThat(readyAt(sim, 19_000)).as(sim.log()).isFalse();
        assertThat(readyAt(sim, 29_000)).as(sim.log()).isFalse();
        assertThat(readyAt(sim, 30_000)).as(sim.log()).isTrue();
        assertThat(readyAt(sim, 40_000)).as(sim.log()).isFalse();
        assertThat(readyCondition(sim, 29_000).reason()).isEqualTo(PodConditions.READINESS_GATES_NOT_READY);
        assertThat(readyCondition(sim, 29_000).message())
                .isEqualTo("corresponding condition of pod readiness gate \"k8s.io/test-condition2\" does not exist.");
        assertThat(sim.trace().all(TraceEvent.ConditionPatched.class)).hasSize(3);
    }

    @Test
    void readiness_gates_ignored_makes_the_pod_ready_before_any_patch() {
        Simulations sim = Simulations.run(POD, EngineOptions.DEFAULT.withFaults(Set.of(Fault.READINESS_GATES_IGNORED)));

        assertThat(readyAt(sim, 19_000)).as(sim.log()).isTrue();
    }

    @Test
    void gate_patches_unseen_keeps_the_pod_unready() {
        Simulations sim = Simulations.run(POD, EngineOptions.DEFAULT.withFaults(Set.of(Fault.GATE_PATCHES_UNSEEN)));

        assertThat(readyAt(sim, 30_000)).as(sim.log()).isFalse();
    }

    private static boolean readyAt(Simulations sim, long at) {
        return readyCondition(sim, at).status();
    }

    private static PodCondition readyCondition(Simulations sim, long at) {
        return sim.trace().all(TraceEvent.PodConditionChanged.class)
                .filter(c -> c.at() <= at && c.condition().type() == ConditionType.Ready)
                .reduce((a, b) -> b).orElseThrow().condition();
    }
}
