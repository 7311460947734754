package dev.podcheck.engine.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.engine.Engine;
import dev.podcheck.spec.admission.PodCreate;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import org.junit.jupiter.api.Test;

/**
 * Valid values at the edge of their range (a grace of Long.MAX_VALUE seconds is a valid int64) give a trace
 * in which no time wraps into the past: every time the engine derives from them saturates past the horizon.
 */
class HugeValuesTest {
    private static Trace simulate(String annotation, String spec) {
        String yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  annotations:\n    podcheck.dev/scenario: |\n"
                + annotation.indent(6) + "spec:\n" + spec.indent(2);
        PodCreate create = PodCreate.of(ScenarioReader.readOne("test.yaml", yaml));
        assertThat(create.violations()).isEmpty();
        return Engine.simulate(create.defaulted());
    }

    private static void assertNoTimeGoesBack(Trace trace) {
        assertThat(trace.events()).allSatisfy(e -> assertThat(e.at()).isBetween(0L, 600_000L));
    }

    @Test
    void should_wait_out_a_pod_grace_of_long_max_seconds_past_the_horizon() {
        Trace trace = simulate("events:\n- deletePod: {at: 10s}",
                "terminationGracePeriodSeconds: 9223372036854775807\ncontainers:\n- {name: app, image: busybox}\n");

        assertNoTimeGoesBack(trace);
        assertThat(trace.all(TraceEvent.SignalSent.class)).extracting(TraceEvent.SignalSent::signal)
                .containsExactly(TraceEvent.Signal.SIGTERM);
    }

    @Test
    void should_wait_out_a_delete_grace_of_long_max_seconds_past_the_horizon() {
        Trace trace = simulate("containers:\n  app: {onSigterm: ignore}\nevents:\n- deletePod: {at: 10s, gracePeriodSeconds: 9223372036854775807}",
                "containers:\n- {name: app, image: busybox}\n");

        assertNoTimeGoesBack(trace);
        assertThat(trace.all(TraceEvent.SignalSent.class)).extracting(TraceEvent.SignalSent::signal)
                .containsExactly(TraceEvent.Signal.SIGTERM);
    }

    @Test
    void should_give_a_liveness_kill_with_a_probe_grace_of_long_max_seconds_no_sigkill_before_the_horizon() {
        Trace trace = simulate("containers:\n  app: {liveness: never, onSigterm: ignore}",
                "containers:\n- name: app\n  image: busybox\n  livenessProbe:\n    exec: {command: [\"true\"]}\n"
                        + "    terminationGracePeriodSeconds: 9223372036854775807\n");

        assertNoTimeGoesBack(trace);
        assertThat(trace.all(TraceEvent.SignalSent.class)).extracting(TraceEvent.SignalSent::signal)
                .doesNotContain(TraceEvent.Signal.SIGKILL);
    }

    @Test
    void should_saturate_the_working_sets_of_containers_whose_sum_passes_the_long_range() {
        Trace trace = simulate("containers:\n  a: {memory: [{from: 0s, bytes: 8Ei}]}\n  b: {memory: [{from: 0s, bytes: 8Ei}]}\n"
                        + "events:\n- nodeMemoryPressure: {at: 5s, allocatable: 8Ei}",
                "containers:\n- {name: a, image: busybox}\n- {name: b, image: busybox}\n");

        assertNoTimeGoesBack(trace);
        assertThat(trace.all(TraceEvent.PodEvicted.class)).hasSize(1);
    }
}
