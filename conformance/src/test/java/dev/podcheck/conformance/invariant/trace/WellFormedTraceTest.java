package dev.podcheck.conformance.invariant.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class WellFormedTraceTest {
    private static final PodSpec SPEC = PodSpec.of(List.of(), List.of(Container.of("app", "busybox")));

    private static TraceEvent status(long at, String name, int restartCount) {
        return new TraceEvent.ContainerStatusChanged(at, new ContainerStatus(name, new ContainerState.Running(at), null,
                restartCount, false, true));
    }

    private static TraceEvent phase(long at, PodPhase phase) {
        return new TraceEvent.PodPhaseChanged(at, phase, "", "");
    }

    @Test
    void should_accept_a_plain_lifecycle() {
        Trace trace = new Trace(List.of(phase(0, PodPhase.Pending), status(0, "app", 0), phase(0, PodPhase.Running),
                status(5, "app", 1), phase(9, PodPhase.Succeeded)));

        assertThat(WellFormedTrace.problems(SPEC, trace, 10)).isEmpty();
    }

    @Test
    void should_report_each_malformation() {
        Trace trace = new Trace(List.of(phase(0, PodPhase.Pending), status(0, "app", 2), status(1, "app", 1),
                status(2, "ghost", 0), phase(3, PodPhase.Failed), phase(4, PodPhase.Running), status(20, "app", 3)));

        assertThat(WellFormedTrace.problems(SPEC, trace, 10)).containsExactlyInAnyOrder(
                "the trace runs past its horizon of 10 ms: " + trace.events().get(6),
                "restartCount of app goes down from 2 at " + trace.events().get(2),
                "the pod leaves terminal phase Failed at " + trace.events().get(5),
                "a status for ghost, which is not in the spec");
    }

    @Test
    void should_want_a_status_for_every_spec_container_once_the_pod_is_admitted() {
        PodSpec two = PodSpec.of(List.of(Container.of("init", "busybox")), List.of(Container.of("app", "busybox")));
        Trace trace = new Trace(List.of(phase(0, PodPhase.Pending), status(0, "app", 0)));

        assertThat(WellFormedTrace.problems(two, trace, 10)).containsExactly("no status for container init");
    }
}
