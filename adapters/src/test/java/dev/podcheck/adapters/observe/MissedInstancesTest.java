package dev.podcheck.adapters.observe;

import static dev.podcheck.adapters.observe.Sightings.pod;
import static dev.podcheck.adapters.observe.Sightings.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.report.ContainerReport.Kind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import org.junit.jupiter.api.Test;

/** A watch that skipped status writes: restartCount jumps, the reports tell what happened in between. */
class MissedInstancesTest {

    /** Seen running as instance 0, then as instance 3: instances 1 and 2 lived unseen. */
    private Sightings jump() {
        return new Sightings().report(1000, "app", 0, Kind.START, "")
                .pod(1000, pod(PodPhase.Running, running("app", 0, 1000)))
                .report(5000, "app", 0, Kind.EXIT, "1")
                .report(6000, "app", 1, Kind.START, "")
                .report(8000, "app", 1, Kind.EXIT, "2");
    }

    @Test
    void should_write_the_status_each_skipped_instance_had_when_it_exited() {
        Trace trace = jump().report(18_000, "app", 2, Kind.START, "").report(19_000, "app", 2, Kind.EXIT, "0")
                .report(39_000, "app", 3, Kind.START, "")
                .pod(40_000, pod(PodPhase.Running, running("app", 3, 39_000))).build();

        ContainerState.Terminated first = new ContainerState.Terminated(2, "Error", "", 6000, 8000);
        assertThat(trace.all(ContainerStatusChanged.class)).extracting(ContainerStatusChanged::at, c -> c.status().restartCount())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1000L, 0), org.assertj.core.groups.Tuple.tuple(8000L, 1),
                        org.assertj.core.groups.Tuple.tuple(19_000L, 2), org.assertj.core.groups.Tuple.tuple(40_000L, 3));
        assertThat(trace.statusesOf("app").toList().get(1)).isEqualTo(new ContainerStatus("app", first,
                new ContainerState.Terminated(1, "Error", "", 1000, 5000), 1, false, false));
        assertThat(trace.statusesOf("app").toList().get(2).lastState()).isEqualTo(first);
    }

    @Test
    void should_write_nothing_for_a_skipped_instance_whose_report_has_no_exit() {
        // Instance 2 was killed (no exit line): the snapshot showing instance 3 is the one status left.
        Trace trace = jump().report(18_000, "app", 2, Kind.START, "")
                .report(39_000, "app", 3, Kind.START, "")
                .pod(40_000, pod(PodPhase.Running, running("app", 3, 39_000))).build();

        assertThat(trace.all(ContainerStatusChanged.class)).extracting(c -> c.status().restartCount())
                .containsExactly(0, 1, 3);
    }
}
