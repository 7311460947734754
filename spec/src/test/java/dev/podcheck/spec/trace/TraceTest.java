package dev.podcheck.spec.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.PodCreated;
import dev.podcheck.spec.trace.TraceEvent.PodPhaseChanged;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import dev.podcheck.spec.yaml.TraceCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceTest {
    private static final Trace TRACE = new Trace(List.of(
            new PodCreated(0, "BestEffort"),
            new PodPhaseChanged(0, PodPhase.Pending, "", ""),
            new ContainerStatusChanged(0, new ContainerStatus("app", ContainerState.waiting("ContainerCreating"), null, 0, false, false)),
            new ContainerStatusChanged(1000, new ContainerStatus("app", new ContainerState.Running(1000), null, 0, false, true)),
            new ProbeResult(1000, "app", ProbeKind.readiness, true),
            new SignalSent(5000, "app", TraceEvent.Signal.SIGTERM),
            new ContainerStatusChanged(5000, new ContainerStatus("app",
                    new ContainerState.Terminated(143, "Error", "SIGTERM", 1000, 5000), null, 0, false, false))));

    @Test
    void should_write_the_documented_json_one_event_per_line_and_read_it_back() {
        String json = TraceCodec.toJson(TRACE);

        assertThat(json).isEqualTo("""
                {"events": [
                  {"type":"PodCreated","at":0,"qosClass":"BestEffort"},
                  {"type":"PodPhaseChanged","at":0,"phase":"Pending"},
                  {"type":"ContainerStatusChanged","at":0,"status":{"name":"app","state":{"waiting":{"reason":"ContainerCreating"}},"restartCount":0,"ready":false,"started":false}},
                  {"type":"ContainerStatusChanged","at":1000,"status":{"name":"app","state":{"running":{"startedAt":1000}},"restartCount":0,"ready":false,"started":true}},
                  {"type":"ProbeResult","at":1000,"container":"app","probe":"readiness","success":true},
                  {"type":"SignalSent","at":5000,"container":"app","signal":"SIGTERM"},
                  {"type":"ContainerStatusChanged","at":5000,"status":{"name":"app","state":{"terminated":{"exitCode":143,"reason":"Error","signal":"SIGTERM","startedAt":1000,"finishedAt":5000}},"restartCount":0,"ready":false,"started":false}}
                ]}
                """);
        assertThat(TraceCodec.fromJson("trace.json", json)).isEqualTo(TRACE);
    }

    @Test
    void should_refuse_time_going_back() {
        assertThatThrownBy(() -> new Trace(List.of(new PodCreated(10, "BestEffort"), new PodCreated(5, "BestEffort"))))
                .hasMessageStartingWith("trace time goes back at event 1");
    }

    @Test
    void should_select_the_statuses_of_one_container() {
        assertThat(TRACE.statusesOf("app").map(ContainerStatus::isRunning)).containsExactly(false, true, false);
        assertThat(TRACE.end()).isEqualTo(5000);
    }

    @Test
    void should_write_and_read_a_node_scenarios_trace_with_each_neighbours_trace_after_the_events() {
        // GIVEN a pod's trace with one neighbour's (SEMANTICS NP-1)
        Trace node = new Trace(List.of(new PodCreated(0, "BestEffort")),
                java.util.Map.of("low", new Trace(List.of(new PodCreated(0, "Burstable")))));

        String json = TraceCodec.toJson(node);

        assertThat(json).isEqualTo("""
                {"events": [
                  {"type":"PodCreated","at":0,"qosClass":"BestEffort"}
                ],
                "neighbours": {
                "low": {"events": [
                  {"type":"PodCreated","at":0,"qosClass":"Burstable"}
                ]}}}
                """);
        assertThat(TraceCodec.fromJson("trace.json", json)).isEqualTo(node);
    }
}
