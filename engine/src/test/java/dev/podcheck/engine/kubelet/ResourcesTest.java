package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** OOM kills and node-pressure eviction (SEMANTICS E-3..E-11). */
class ResourcesTest {

    @Test
    void should_OOMKill_a_container_above_its_memory_limit_and_restart_it() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: oom
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {memory: [{from: 5s, bytes: 128Mi}]}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    resources:
                      limits: {memory: 64Mi}
                """, Duration.ofSeconds(8));

        assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 5_000L);
        assertThat(sim.lastStatus("app").lastState()).isEqualTo(new ContainerState.Terminated(137, "OOMKilled", "", 0, 5_000));
        assertThat(sim.finalPhase()).isEqualTo(PodPhase.Running); // E-11: an OOM kill is not an eviction
    }

    @Test
    void should_evict_under_node_memory_pressure_with_Failed_Evicted_and_DisruptionTarget() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: hog
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {memory: [{from: 0s, bytes: 1000Mi}]}
                      events:
                      - nodeMemoryPressure: {at: 15s, allocatable: 1Gi, evictionThreshold: 100Mi}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    resources:
                      requests: {memory: 100Mi}
                """, Duration.ofSeconds(60));

        TraceEvent.PodEvicted evicted = sim.trace().all(TraceEvent.PodEvicted.class).findFirst().orElseThrow();
        assertThat(evicted.at()).as(sim.log()).isEqualTo(20_000L); // the first eviction round after 15 s
        assertThat(evicted.message()).startsWith("The node was low on resource: memory. ");
        TraceEvent.PodPhaseChanged failed = sim.phaseChange(PodPhase.Failed).orElseThrow();
        assertThat(failed.reason()).isEqualTo("Evicted");
        assertThat(sim.trace().all(TraceEvent.PodConditionChanged.class)
                .filter(c -> c.condition().type() == ConditionType.DisruptionTarget)
                .map(c -> c.condition().reason())).containsExactly("TerminationByKubelet");
        assertThat(sim.starts("app")).containsExactly(0L); // E-10: not restarted
    }

    @Test
    void should_still_end_a_pod_evicted_at_the_moment_its_container_exits() {
        // GIVEN the only container exits at 20 s, when the eviction round also evicts the pod
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: exit-and-evict
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {exit: {after: 20s, code: 0}, memory: [{from: 0s, bytes: 1000Mi}]}
                      events:
                      - nodeMemoryPressure: {at: 15s, allocatable: 1Gi, evictionThreshold: 100Mi}
                spec:
                  containers:
                  - {name: app, image: busybox:1.36}
                """, Duration.ofSeconds(60));

        TraceEvent.PodPhaseChanged failed = sim.phaseChange(PodPhase.Failed).orElseThrow();
        assertThat(failed.at()).as(sim.log()).isEqualTo(20_000L);
        assertThat(failed.reason()).isEqualTo("Evicted");
    }
}
