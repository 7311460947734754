package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Probe workers: liveness kills, readiness drives Ready, startup gates both (SEMANTICS P-2..P-11, R-3). */
class ProbeTest {

    @Test
    void should_restart_after_failureThreshold_liveness_failures() {
        // GIVEN liveness checks that pass for the first 30 s of each instance, period 10 s, threshold 3
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: liveness
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {liveness: [{until: 30s}]}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    livenessProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 10
                      failureThreshold: 3
                """, Duration.ofSeconds(110));

        // THEN the third consecutive failure (30, 40, 50 s) kills it; it restarts at once
        assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 50_000L, 100_000L);
        assertThat(sim.trace().all(TraceEvent.KubeletEvent.class).filter(e -> e.reason().equals("Killing")))
                .extracting(TraceEvent.KubeletEvent::at, TraceEvent.KubeletEvent::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(50_000L, "Container app failed liveness probe, will be restarted"),
                        org.assertj.core.groups.Tuple.tuple(100_000L, "Container app failed liveness probe, will be restarted"));
        assertThat(sim.lastStatus("app").restartCount()).isEqualTo(2);
        assertThat(sim.lastStatus("app").lastState())
                .isEqualTo(new ContainerState.Terminated(143, "Error", "SIGTERM", 50_000, 100_000));
    }

    @Test
    void should_become_ready_only_once_readiness_passes() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: readiness
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {readiness: [{from: 10s}]}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    readinessProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 5
                """, Duration.ofSeconds(30));

        assertThat(sim.trace().statusesOf("app").filter(s -> s.ready()).findFirst()).isPresent();
        long readyAt = sim.trace().all(TraceEvent.ContainerStatusChanged.class)
                .filter(e -> e.status().ready()).findFirst().orElseThrow().at();
        assertThat(readyAt).as(sim.log()).isEqualTo(10_000L);
        assertThat(sim.trace().all(TraceEvent.PodConditionChanged.class)
                .filter(c -> c.condition().type() == ConditionType.Ready && c.condition().status())
                .map(TraceEvent::at)).containsExactly(10_000L);
        // P-3: the first run is at once when the container starts, not one period later
        assertThat(sim.trace().all(TraceEvent.ProbeResult.class).map(TraceEvent::at))
                .containsExactly(0L, 5_000L, 10_000L, 15_000L, 20_000L, 25_000L, 30_000L);
    }

    @Test
    void should_not_run_liveness_before_the_startup_probe_passed() {
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: startup-gate
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {startup: [{from: 20s}], liveness: never}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    startupProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 5
                      failureThreshold: 10
                    livenessProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 5
                      failureThreshold: 1
                """, Duration.ofSeconds(21));

        assertThat(sim.trace().all(TraceEvent.ProbeResult.class).filter(r -> r.probe() == ProbeKind.liveness)
                .map(TraceEvent::at)).as(sim.log()).containsExactly(20_000L);
        assertThat(sim.starts("app")).containsExactly(0L, 20_000L);
    }

    @Test
    void should_not_be_ready_after_a_restart_until_readiness_passes_for_the_new_container() {
        // GIVEN readiness passing from 5 s of each run, and a liveness kill at 50 s (P-2: results are per container ID)
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: ready-again
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {readiness: [{from: 5s}], liveness: [{until: 30s}]}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    readinessProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 5
                    livenessProbe:
                      exec: {command: ["true"]}
                      periodSeconds: 10
                      failureThreshold: 3
                """, Duration.ofSeconds(60));

        // THEN the new instance starts not ready, and is ready 5 s later
        assertThat(sim.trace().all(TraceEvent.ContainerStatusChanged.class)
                .filter(e -> e.status().restartCount() == 1 && e.status().isRunning())
                .map(e -> e.at() + ":" + e.status().ready())).as(sim.log())
                .containsExactly("50000:false", "55000:true");
    }

    @Test
    void should_keep_killing_on_liveness_failures_with_a_growing_back_off_and_a_monotone_restartCount() {
        // GIVEN container_probe.go "should have monotonically increasing restart count": liveness passes
        // for 10 s of each run, initialDelaySeconds 5, failureThreshold 1
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: liveness-loop
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {liveness: [{until: 10s}]}
                spec:
                  containers:
                  - name: app
                    image: busybox:1.36
                    livenessProbe:
                      exec: {command: ["cat", "/tmp/health"]}
                      initialDelaySeconds: 5
                      failureThreshold: 1
                """, Duration.ofMinutes(14));

        // THEN at least 5 restarts in 14 minutes (the e2e bound), each restartCount one more than the last
        java.util.List<Integer> counts = sim.trace().statusesOf("app").filter(s -> s.isRunning())
                .map(s -> s.restartCount()).distinct().toList();
        assertThat(counts).as(sim.log()).hasSizeGreaterThanOrEqualTo(6).isSorted();
        assertThat(counts.get(counts.size() - 1)).isEqualTo(counts.size() - 1);
        assertThat(sim.trace().statusesOf("app").anyMatch(s -> s.state() instanceof ContainerState.Waiting w
                && w.reason().equals("CrashLoopBackOff"))).isTrue();
    }
}
