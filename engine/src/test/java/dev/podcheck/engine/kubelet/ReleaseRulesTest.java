package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Profile;
import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules that differ between the modelled releases (docs/versions.md), each on both sides of its change. */
class ReleaseRulesTest {
    static Simulations run(String yaml, String release) {
        return Simulations.run(yaml, EngineOptions.DEFAULT.withProfile(Profile.of(release)).withHorizon(Duration.ofMinutes(3)));
    }

    /** KEP-4781 (SEMANTICS KR-2a): from v1.35 a restarted kubelet keeps a long-running container's started and ready. */
    @Nested
    class KubeletRestartKeepsStatus {
        /** A container ready since its first readiness check, and a kubelet restart at {@code at}. */
        static String ready(String at) {
            return restarted("{}", at, "readinessProbe: {exec: {command: [\"true\"]}}");
        }

        static String restarted(String behaviour, String at, String probes) {
            return KubeletRestartTest.POD.formatted(behaviour, at, probes.indent(4));
        }

        static List<Boolean> readyFrom(Simulations sim, long at) {
            return sim.trace().all(TraceEvent.ContainerStatusChanged.class).filter(e -> e.at() >= at)
                    .map(e -> e.status().ready()).toList();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.35", "1.36", "1.37"})
        void should_keep_a_ready_container_ready_across_the_restart(String release) {
            // GIVEN a container ready since its first readiness check WHEN the kubelet restarts at 65 s
            Simulations sim = run(ready("65s"), release);
            // THEN its status is never written not ready again
            assertThat(readyFrom(sim, 65_000)).as(sim.log()).doesNotContain(false);
            assertThat(sim.statusAt("app", 65_000).ready()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.33", "1.34"})
        void should_report_it_not_ready_until_its_probe_passes_before_1_35(String release) {
            Simulations sim = run(ready("65s"), release);
            assertThat(readyFrom(sim, 65_000)).as(sim.log()).startsWith(false, true);
        }

        @Test
        void should_reset_a_container_started_within_ten_seconds_of_the_restart() {
            // GIVEN a container crashing at 60 s and restarted at once WHEN the kubelet restarts at 65 s (5 s later)
            Simulations sim = run(restarted("[{exit: {after: 60s, code: 1}}, {}]", "65s",
                    "readinessProbe: {exec: {command: [\"true\"]}, periodSeconds: 30}"), "1.36");
            // THEN it is not one the grace period covers (kubeletRestartGracePeriod): its new worker starts from Failure
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L, 60_000L);
            assertThat(readyFrom(sim, 65_000)).as(sim.log()).startsWith(false, true);
        }

        @Test
        void should_keep_started_so_the_startup_probe_does_not_run_again() {
            // GIVEN a startup probe passing only in the first 60 s WHEN the kubelet restarts at 90 s
            Simulations sim = run(restarted("{startup: [{until: 60s}]}", "90s",
                    "startupProbe: {exec: {command: [\"true\"]}, failureThreshold: 3}"), "1.35");
            // THEN it stays started, no startup probe runs after the restart, and nothing kills it (1.34 kills at 110 s)
            assertThat(sim.statusAt("app", 90_000).started()).as(sim.log()).isTrue();
            assertThat(sim.trace().all(TraceEvent.ProbeResult.class).filter(r -> r.at() >= 90_000)).isEmpty();
            assertThat(sim.starts("app")).as(sim.log()).containsExactly(0L);
        }
    }

    /** SEMANTICS P-13: v1.35 and v1.36 throw away exec probe results once the pod is being stopped. */
    @Nested
    class ProbesWhileTerminating {
        static final String FAILING_WHILE_STOPPING = """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations:
                    podcheck.dev/scenario: |
                      containers:
                        app: {readiness: [{until: 25s}], onSigterm: ignore}
                      events:
                      - deletePod: {at: 20s}
                spec:
                  terminationGracePeriodSeconds: 30
                  containers:
                  - name: app
                    image: busybox:1.36
                    readinessProbe: {%s, periodSeconds: 5, failureThreshold: 1}
                """;

        @ParameterizedTest
        @ValueSource(strings = {"1.35", "1.36"})
        void should_keep_the_container_ready_while_exec_probes_err(String release) {
            // GIVEN a readiness probe failing from 25 s WHEN the pod is deleted at 20 s and ignores SIGTERM
            Simulations sim = run(FAILING_WHILE_STOPPING.formatted("exec: {command: [\"true\"]}"), release);
            // THEN each exec probe errs (the cancelled context): no result, the container stays ready until SIGKILL
            assertThat(sim.statusAt("app", 49_999).ready()).as(sim.log()).isTrue();
            assertThat(sim.trace().all(KubeletEvent.class).filter(e -> e.message().startsWith(
                    "Readiness probe errored and resulted in unknown state")).map(KubeletEvent::at).toList())
                    .as(sim.log()).containsExactly(20_000L, 25_000L, 30_000L, 35_000L, 40_000L, 45_000L);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1.34", "1.37"})
        void should_report_it_not_ready_at_the_first_failure_otherwise(String release) {
            Simulations sim = run(FAILING_WHILE_STOPPING.formatted("exec: {command: [\"true\"]}"), release);
            assertThat(sim.statusAt("app", 25_000).ready()).as(sim.log()).isFalse();
        }

        @Test
        void should_still_run_an_http_probe_in_1_36() {
            // the cancelled context reaches only exec probes (prober.go runProbe: newExecInContainer(ctx, ...))
            Simulations sim = run(FAILING_WHILE_STOPPING.formatted("httpGet: {port: 8080}"), "1.36");
            assertThat(sim.statusAt("app", 25_000).ready()).as(sim.log()).isFalse();
        }
    }
}
