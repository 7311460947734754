package dev.podcheck.engine.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Expectations of test/e2e/common/node/container_probe.go ("Probing container"). The e2e
 * runLivenessTest watches restartCount for 4 min (defaultObservationTimeout); the horizon is that.
 */
class ContainerProbeE2eTest {

    private static final Duration OBSERVATION = Duration.ofMinutes(4);

    private static Simulations run(String behaviour, String probes) {
        return Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: probed
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        busybox: %s
                spec:
                  containers:
                  - name: busybox
                    image: busybox:1.36
                %s""".formatted(behaviour, probes.indent(4)), OBSERVATION);
    }

    private static long readyAt(Simulations sim) {
        return sim.trace().all(TraceEvent.PodConditionChanged.class)
                .filter(c -> c.condition().type() == ConditionType.Ready && c.condition().status())
                .findFirst().orElseThrow(() -> new AssertionError("never Ready\n" + sim.log())).at();
    }

    @Test
    void should_not_be_ready_before_initial_delay_and_never_restart() {
        // It("with readiness probe should not be ready before initial delay and never restart") — P-4.7, P-5, ST-14
        Simulations sim = run("{readiness: always}", "readinessProbe: {exec: {command: [\"true\"]}, initialDelaySeconds: 15}");

        long startedAt = sim.starts("busybox").get(0);
        assertThat(readyAt(sim) - startedAt).as(sim.log()).isGreaterThanOrEqualTo(15_000L);
        assertThat(sim.lastStatus("busybox").restartCount()).isZero();
    }

    @Test
    void should_never_be_ready_and_never_restart_with_a_failing_readiness_probe() {
        // It("with readiness probe that fails should never be ready and never restart") — P-10
        Simulations sim = run("{readiness: never}", "readinessProbe: {exec: {command: [\"true\"]}}");

        assertThat(sim.trace().statusesOf("busybox").noneMatch(s -> s.ready())).as(sim.log()).isTrue();
        assertThat(sim.lastStatus("busybox").restartCount()).isZero();
    }

    @Test
    void should_be_restarted_with_an_exec_liveness_probe() {
        // It("should be restarted with a exec \"cat /tmp/health\" liveness probe") — P-8, R-3
        Simulations sim = run("{liveness: [{from: 0s, until: 10s}]}",
                "livenessProbe: {exec: {command: [\"true\"]}, initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 1}");

        // THEN the worker ticks every 10 s from the start and skips ticks inside the 15 s delay (worker.go
        // doProbe), so the first check is at 20 s; it fails and the restart follows at once
        assertThat(sim.starts("busybox").subList(0, 2)).as(sim.log()).containsExactly(0L, 20_000L);
        assertThat(sim.trace().statusesOf("busybox").mapToInt(s -> s.restartCount()).toArray()).isSorted();
    }

    @Test
    void should_not_be_restarted_with_a_passing_exec_liveness_probe() {
        // It("should *not* be restarted with a exec \"cat /tmp/health\" liveness probe") — P-8
        Simulations sim = run("{liveness: always}",
                "livenessProbe: {exec: {command: [\"true\"]}, initialDelaySeconds: 15, timeoutSeconds: 5, failureThreshold: 1}");

        assertThat(sim.lastStatus("busybox").restartCount()).as(sim.log()).isZero();
    }

    @Test
    void should_be_restarted_when_the_startup_probe_fails() {
        // It("should be restarted startup probe fails") — P-9, P-4.8, P-5
        Simulations sim = run("{startup: never, liveness: always}", """
                livenessProbe: {exec: {command: ["true"]}, initialDelaySeconds: 15, failureThreshold: 1}
                startupProbe: {exec: {command: ["true"]}, initialDelaySeconds: 15, failureThreshold: 3}""");

        // THEN three failures at the ticks 20, 30 and 40 s (the first past the 15 s delay) kill it;
        // liveness never ran while not started
        assertThat(sim.starts("busybox").get(1)).as(sim.log()).isEqualTo(40_000L);
        assertThat(sim.trace().all(TraceEvent.ProbeResult.class).filter(p -> p.probe() == ProbeKind.liveness)).isEmpty();
    }

    @Test
    void should_not_be_restarted_by_liveness_probe_because_startup_probe_delays_it() {
        // It("should *not* be restarted by liveness probe because startup probe delays it") — P-4.8
        Simulations sim = run("{startup: never, liveness: never}", """
                livenessProbe: {exec: {command: ["false"]}, initialDelaySeconds: 15, failureThreshold: 1}
                startupProbe: {exec: {command: ["false"]}, initialDelaySeconds: 15, failureThreshold: 60}""");

        assertThat(sim.lastStatus("busybox").restartCount()).as(sim.log()).isZero();
    }

    @Test
    void should_be_restarted_by_liveness_probe_after_startup_probe_enables_it() {
        // It("should be restarted by liveness probe after startup probe enables it") — P-4.8, P-8
        Simulations sim = run("{startup: [{from: 10s}], liveness: never}", """
                livenessProbe: {exec: {command: ["false"]}, initialDelaySeconds: 15, failureThreshold: 1}
                startupProbe: {exec: {command: ["true"]}, initialDelaySeconds: 15, failureThreshold: 60}""");

        assertThat(sim.lastStatus("busybox").restartCount()).as(sim.log()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void should_be_ready_immediately_after_startupProbe_succeeds() {
        // It("should be ready immediately after startupProbe succeeds") — P-3, P-11
        Simulations sim = run("{startup: [{from: 32s}], readiness: always}", """
                readinessProbe: {exec: {command: ["true"]}, initialDelaySeconds: 0, periodSeconds: 30}
                startupProbe: {exec: {command: ["true"]}, initialDelaySeconds: 0, failureThreshold: 120, periodSeconds: 5}""");

        long startedAt = sim.trace().all(TraceEvent.ContainerStatusChanged.class).filter(e -> e.status().started())
                .findFirst().orElseThrow().at();
        assertThat(startedAt).as(sim.log()).isEqualTo(35_000L);
        assertThat(readyAt(sim) - startedAt).as(sim.log()).isBetween(0L, 25_000L);
    }

    @Test
    void should_override_terminationGracePeriodSeconds_when_LivenessProbe_field_is_set() {
        // It("should override timeoutGracePeriodSeconds when LivenessProbe field is set") — P-8, T-7, V-11
        Simulations sim = Simulations.run("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: liveness-probe-tgps
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        busybox: {liveness: never, onSigterm: ignore}
                spec:
                  terminationGracePeriodSeconds: 500
                  containers:
                  - name: busybox
                    image: busybox:1.36
                    livenessProbe:
                      exec: {command: ["true"]}
                      initialDelaySeconds: 10
                      failureThreshold: 1
                      terminationGracePeriodSeconds: 5
                """, OBSERVATION);

        // THEN the probe fails at 10 s and SIGKILL follows 5 s later (not 500): the e2e's "< 30 s"
        assertThat(sim.starts("busybox").get(1)).as(sim.log()).isEqualTo(15_000L);
        assertThat(((ContainerState.Terminated) sim.trace().statusesOf("busybox").filter(s -> s.restartCount() == 1)
                .findFirst().orElseThrow().lastState()).exitCode()).isEqualTo(137);
    }
}
