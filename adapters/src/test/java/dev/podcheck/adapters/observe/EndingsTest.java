package dev.podcheck.adapters.observe;

import static dev.podcheck.adapters.observe.Sightings.pod;
import static dev.podcheck.adapters.observe.Sightings.terminated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.adapters.report.ContainerReport.Kind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the end of an instance implies although nobody reported it: SIGKILLs and hooks that died with it. */
class EndingsTest {

    @Nested
    class Sigkill {
        /** Started at 1.1 s, SIGTERM at 5.2 s, killed 30 s later: the API shows finishedAt in second 35. */
        final Sightings killed = new Sightings().report(1100, "app", 0, Kind.START, "")
                .pod(1500, pod(PodPhase.Running, Sightings.running("app", 0, 1100)))
                .report(5200, "app", 0, Kind.SIGTERM, "")
                .pod(35_200, pod(PodPhase.Running, terminated("app", 0, 137, "Error", 1100, 35_200)));

        @Test
        void should_infer_the_SIGKILL_whole_seconds_after_the_SIGTERM_in_the_second_the_api_shows() {
            Trace trace = killed.build();

            assertThat(trace.all(SignalSent.class)).containsExactly(new SignalSent(5200, "app", Signal.SIGTERM),
                    new SignalSent(35_200, "app", Signal.SIGKILL));
            assertThat(trace.statusesOf("app")).last().extracting(ContainerStatus::state)
                    .isEqualTo(new ContainerState.Terminated(137, "Error", "SIGKILL", 1100, 35_200));
        }

        @Test
        void should_put_the_SIGKILL_first_among_the_sightings_of_its_millisecond() {
            Trace trace = killed.build();

            assertThat(trace.events()).filteredOn(e -> e.at() == 35_200).first()
                    .isEqualTo(new SignalSent(35_200, "app", Signal.SIGKILL));
        }

        @Test
        void should_not_put_the_SIGKILL_after_the_status_that_shows_its_end() {
            // The status came 100 ms into the second of the kill, before a whole number of seconds after the SIGTERM.
            Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                    .report(5900, "app", 0, Kind.SIGTERM, "")
                    .pod(35_700, pod(PodPhase.Running, terminated("app", 0, 137, "Error", 1100, 35_700))).build();

            assertThat(trace.all(SignalSent.class)).contains(new SignalSent(35_700, "app", Signal.SIGKILL));
        }

        @Test
        void should_infer_the_SIGKILL_of_an_instance_whose_start_report_came_seconds_after_the_api_start() {
            // The script slept its startAfter (3 s) before reporting its start; restartCount still names it.
            Trace trace = new Sightings().report(4100, "app", 0, Kind.START, "")
                    .report(5200, "app", 0, Kind.SIGTERM, "")
                    .pod(35_200, pod(PodPhase.Running, terminated("app", 0, 137, "Error", 1100, 35_200))).build();

            assertThat(trace.all(SignalSent.class)).contains(new SignalSent(35_200, "app", Signal.SIGKILL));
            assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state).containsExactly(
                    new ContainerState.Terminated(137, "Error", "SIGKILL", Sightings.second(1100) - Sightings.CREATED,
                            35_200));
        }

        @Test
        void should_not_infer_a_SIGKILL_when_the_process_reported_its_exit_with_137() {
            Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                    .report(5200, "app", 0, Kind.SIGTERM, "").report(6200, "app", 0, Kind.EXIT, "137")
                    .pod(7000, pod(PodPhase.Running, terminated("app", 0, 137, "Error", 1100, 6200))).build();

            assertThat(trace.all(SignalSent.class)).containsExactly(new SignalSent(5200, "app", Signal.SIGTERM));
        }

        @Test
        void should_not_infer_a_SIGKILL_for_an_oom_kill() {
            Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                    .report(5200, "app", 0, Kind.SIGTERM, "")
                    .pod(7000, pod(PodPhase.Running, terminated("app", 0, 137, "OOMKilled", 1100, 6200))).build();

            assertThat(trace.all(SignalSent.class)).containsExactly(new SignalSent(5200, "app", Signal.SIGTERM));
        }

        @Test
        void should_not_infer_a_SIGKILL_without_a_SIGTERM_before_it() {
            Trace trace = new Sightings().report(1100, "app", 0, Kind.START, "")
                    .pod(7000, pod(PodPhase.Running, terminated("app", 0, 137, "Error", 1100, 6200))).build();

            assertThat(trace.all(SignalSent.class)).isEmpty();
        }
    }

    @Nested
    class HookDeaths {
        @Test
        void should_end_a_hook_failed_when_its_process_exits_under_it() {
            Trace trace = new Sightings().report(1000, "app", 0, Kind.START, "")
                    .report(1000, "app", 0, Kind.HOOK_START, "postStart")
                    .report(4000, "app", 0, Kind.EXIT, "1")
                    .event(4000, "FailedPostStartHook", "app", "PostStartHook failed").pod(0, pod(PodPhase.Pending))
                    .build();

            assertThat(trace.events()).containsSubsequence(new HookFinished(4000, "app", Hook.postStart, true),
                    new TraceEvent.KubeletEvent(4000, "FailedPostStartHook", "app", "PostStartHook failed"));
        }

        @Test
        void should_record_no_end_of_a_preStop_the_kubelet_gave_up_on_before_its_SIGTERM() {
            Trace trace = new Sightings().pod(0, pod(PodPhase.Running)).report(1000, "app", 0, Kind.START, "")
                    .report(5000, "app", 0, Kind.HOOK_START, "preStop")
                    .report(35_000, "app", 0, Kind.SIGTERM, "")
                    .report(35_000, "app", 0, Kind.EXIT, "143 sigterm").build();

            assertThat(trace.all(HookFinished.class)).isEmpty();
        }

        @Test
        void should_end_a_hook_under_an_oom_kill_at_the_api_second_but_not_before_the_hook_began() {
            // OOM-killed in second 2 (API), the hook began at 2.7 s of the trace: nothing sharper is known.
            Trace trace = new Sightings().report(1000, "app", 0, Kind.START, "")
                    .report(2700, "app", 0, Kind.HOOK_START, "postStart")
                    .pod(3000, pod(PodPhase.Running, terminated("app", 0, 137, "OOMKilled", 1000, 2800))).build();

            assertThat(trace.all(HookFinished.class)).containsExactly(new HookFinished(2700, "app", Hook.postStart, true));
            // The process lived when the hook wrote its start line, so the kill came no earlier.
            assertThat(trace.statusesOf("app")).extracting(ContainerStatus::state)
                    .containsExactly(new ContainerState.Terminated(137, "OOMKilled", "", 1000, 2700));
        }
    }
}
