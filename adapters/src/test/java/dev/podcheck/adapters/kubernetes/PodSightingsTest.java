package dev.podcheck.adapters.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.observe.Sighting.PodSnapshot;
import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class PodSightingsTest {
    private static final long T0 = 1_795_000_000_000L; // 2026-11-18T11:06:40Z

    private final Pod pod = new PodBuilder().withNewMetadata().withName("web-1")
            .withDeletionTimestamp("2026-11-18T11:07:10Z").endMetadata()
            .withNewStatus().withPhase("Running").withQosClass("Burstable")
            .addNewCondition().withType("Ready").withStatus("False").withReason("ContainersNotReady")
            .withMessage("containers with unready status: [app]").endCondition()
            .addNewCondition().withType("SomeGate").withStatus("True").endCondition()
            .addNewInitContainerStatus().withName("init").withRestartCount(0).withReady(true).withStarted(false)
            .withNewState().withNewTerminated().withExitCode(0).withReason("Completed")
            .withStartedAt("2026-11-18T11:06:40Z").withFinishedAt("2026-11-18T11:06:42Z")
            .withMessage("1795000000100 init 0 start\n1795000002000 init 0 exit 0\n").endTerminated().endState()
            .endInitContainerStatus()
            .addNewContainerStatus().withName("app").withRestartCount(1).withReady(false).withStarted(true)
            .withNewState().withNewRunning().withStartedAt("2026-11-18T11:06:50Z").endRunning().endState()
            .withNewLastState().withNewTerminated().withExitCode(137).withReason("Error").withSignal(9)
            .withStartedAt("2026-11-18T11:06:42Z").withFinishedAt("2026-11-18T11:06:49Z")
            .withMessage("1795000002500 app 0 start\n1795000009000 app 0 sigterm\ncut-off lin").endTerminated()
            .endLastState().endContainerStatus()
            .endStatus().build();

    @Test
    void should_keep_what_the_api_shows_with_its_times_as_epoch_milliseconds() {
        PodSnapshot s = PodSightings.snapshot(pod);

        assertThat(s.phase()).isEqualTo(PodPhase.Running);
        assertThat(s.qosClass()).isEqualTo("Burstable");
        assertThat(s.deletionTimestampMillis()).isEqualTo(T0 + 30_000);
        assertThat(s.conditions()).as("a condition type the trace does not know is left out").containsExactly(
                PodCondition.isFalse(ConditionType.Ready, "ContainersNotReady", "containers with unready status: [app]"));
        assertThat(s.initContainerStatuses()).containsExactly(new ContainerStatus("init",
                new ContainerState.Terminated(0, "Completed", "", T0, T0 + 2000), null, 0, true, false));
        assertThat(s.containerStatuses()).containsExactly(new ContainerStatus("app",
                new ContainerState.Running(T0 + 10_000),
                new ContainerState.Terminated(137, "Error", "SIGKILL", T0 + 2000, T0 + 9000), 1, false, true));
    }

    @Test
    void should_read_a_pod_without_status_as_pending() {
        PodSnapshot s = PodSightings.snapshot(new PodBuilder().withNewMetadata().withName("new").endMetadata().build());

        assertThat(s.phase()).isEqualTo(PodPhase.Pending);
        assertThat(s.containerStatuses()).isEmpty();
        assertThat(s.deletionTimestampMillis()).isNull();
    }

    @Test
    void should_find_the_reports_in_every_terminated_instances_message_and_skip_a_cut_line() {
        assertThat(PodSightings.terminationReports(pod)).extracting(ContainerReport::line).containsExactly(
                "1795000000100 init 0 start", "1795000002000 init 0 exit 0",
                "1795000002500 app 0 start", "1795000009000 app 0 sigterm");
    }
}
