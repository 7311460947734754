package dev.podcheck.adapters.observe;

import static dev.podcheck.adapters.observe.Sightings.CREATED;
import static dev.podcheck.adapters.observe.Sightings.pod;
import static dev.podcheck.adapters.observe.Sightings.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.report.ContainerReport.Kind;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.HookStarted;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import org.junit.jupiter.api.Test;

/** What containers report about themselves becomes hook, signal and probe events, and sharper exits. */
class ReportSightingsTest {

    @Test
    void should_turn_hook_lines_into_hook_events_with_their_outcome() {
        Trace trace = new Sightings().pod(0, pod(PodPhase.Running))
                .report(1000, "app", 0, Kind.HOOK_START, "postStart")
                .report(3000, "app", 0, Kind.HOOK_END, "postStart ok")
                .report(9000, "app", 0, Kind.HOOK_START, "preStop")
                .report(9500, "app", 0, Kind.HOOK_END, "preStop fail").build();

        assertThat(trace.events()).containsSubsequence(
                new HookStarted(1000, "app", Hook.postStart), new HookFinished(3000, "app", Hook.postStart, false),
                new HookStarted(9000, "app", Hook.preStop), new HookFinished(9500, "app", Hook.preStop, true));
    }

    @Test
    void should_turn_a_sigterm_line_into_the_signal_sent() {
        Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).report(7000, "app", 0, Kind.SIGTERM, "").build();

        assertThat(trace.all(SignalSent.class)).containsExactly(new SignalSent(7000, "app", Signal.SIGTERM));
    }

    @Test
    void should_turn_probe_lines_into_probe_results() {
        Trace trace = new Sightings().pod(0, pod(PodPhase.Running))
                .report(10_000, "app", 0, Kind.PROBE, "readiness pass")
                .report(20_000, "app", 0, Kind.PROBE, "liveness fail").build();

        assertThat(trace.all(ProbeResult.class)).containsExactly(new ProbeResult(10_000, "app", ProbeKind.readiness, true),
                new ProbeResult(20_000, "app", ProbeKind.liveness, false));
    }

    @Test
    void should_skip_lines_whose_detail_names_no_hook_or_probe() {
        // Reports travel through logs and termination messages, which may cut them.
        Trace trace = new Sightings().pod(0, pod(PodPhase.Running))
                .report(1000, "app", 0, Kind.HOOK_START, "postSt")
                .report(2000, "app", 0, Kind.PROBE, "").build();

        assertThat(trace.events()).hasSize(2);
    }

    @Test
    void should_take_the_exit_time_from_the_exit_line_and_the_signal_from_its_sigterm_word() {
        Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                .report(5200, "app", 0, Kind.SIGTERM, "")
                .report(5300, "app", 0, Kind.EXIT, "143 sigterm")
                .pod(6000, pod(PodPhase.Running, terminated("app", 0, 143, "Error", 1100, 5300))).build();

        assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                .containsExactly(new ContainerState.Terminated(143, "Error", "SIGTERM", 1100, 5300));
    }

    @Test
    void should_leave_the_signal_empty_for_an_exit_the_process_made_by_itself_after_a_sigterm() {
        // It ignored SIGTERM and exited on its own later: the kubelet's signal did not end it.
        Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                .report(5200, "app", 0, Kind.SIGTERM, "")
                .report(7300, "app", 0, Kind.EXIT, "0")
                .pod(8000, pod(PodPhase.Running, terminated("app", 0, 0, "Completed", 1100, 7300))).build();

        assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                .containsExactly(new ContainerState.Terminated(0, "Completed", "", 1100, 7300));
    }

    @Test
    void should_date_an_oom_kill_no_earlier_than_the_last_line_its_process_wrote() {
        // The API shows the kill in the second that began at 39.6 s; the process took SIGTERM at 39.9 s.
        Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                .report(39_900, "app", 0, Kind.SIGTERM, "")
                .pod(41_000, pod(PodPhase.Running, terminated("app", 0, 137, "OOMKilled", 1100, 39_950))).build();

        assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                .containsExactly(new ContainerState.Terminated(137, "OOMKilled", "", 1100, 39_900));
    }

    @Test
    void should_count_an_unset_api_time_as_unset() {
        ContainerStatus unknown = new ContainerStatus("app",
                new ContainerState.Terminated(137, "ContainerStatusUnknown", "", 0, 0), null, 0, false, false);

        Trace trace = new Sightings().pod(CREATED % 1000, pod(PodPhase.Failed, unknown)).build();

        assertThat(trace.statusesOf("app")).containsExactly(unknown);
    }
}
