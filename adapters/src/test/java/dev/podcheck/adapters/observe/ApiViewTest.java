package dev.podcheck.adapters.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.HookStarted;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.PodCreated;
import dev.podcheck.spec.trace.TraceEvent.PodRemoved;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an API observer cannot know of an engine trace. */
class ApiViewTest {
    /** 250 ms into a wall-clock second: the API's seconds fall at 750, 1750, ... of trace time. */
    static final long CREATED = 1_800_000_000_250L;

    private static List<TraceEvent> started() {
        List<TraceEvent> events = new ArrayList<>();
        events.add(new PodCreated(0, "BestEffort"));
        events.add(new KubeletEvent(1000, "Started", "app", "Started container app"));
        events.add(new ContainerStatusChanged(1000, status(new ContainerState.Running(1000))));
        return events;
    }

    private static ContainerStatus status(ContainerState state) {
        return new ContainerStatus("app", state, null, 0, false, false);
    }

    private static Trace view(List<TraceEvent> events) {
        return ApiView.of(new Trace(events), CREATED);
    }

    @Test
    void should_drop_a_probe_run_of_a_process_that_has_exited_and_keep_one_in_the_millisecond_of_the_exit() {
        List<TraceEvent> events = started();
        ProbeResult atExit = new ProbeResult(5000, "app", ProbeKind.readiness, false);
        events.add(atExit);
        events.add(new ProbeResult(5500, "app", ProbeKind.readiness, false));
        events.add(new ContainerStatusChanged(6000, status(new ContainerState.Terminated(1, "Error", "", 1000, 5000))));

        assertThat(view(events).all(ProbeResult.class)).containsExactly(atExit);
    }

    @Test
    void should_put_a_SIGKILL_first_in_its_millisecond_but_after_its_SIGTERM() {
        List<TraceEvent> events = started();
        events.add(new SignalSent(3000, "app", Signal.SIGTERM));
        ProbeResult probe = new ProbeResult(5000, "app", ProbeKind.readiness, true);
        SignalSent kill = new SignalSent(5000, "app", Signal.SIGKILL);
        ContainerStatusChanged end = new ContainerStatusChanged(5000,
                status(new ContainerState.Terminated(137, "Error", "SIGKILL", 1000, 5000)));
        events.addAll(List.of(probe, kill, end));

        assertThat(view(events).events()).endsWith(kill, probe, end);
    }

    @Test
    void should_drop_a_SIGKILL_that_no_status_shows_because_the_pod_was_gone() {
        List<TraceEvent> events = started();
        events.add(new PodRemoved(3000));
        events.add(new SignalSent(3000, "app", Signal.SIGTERM));
        events.add(new SignalSent(5000, "app", Signal.SIGKILL));

        assertThat(view(events).all(SignalSent.class)).containsExactly(new SignalSent(3000, "app", Signal.SIGTERM));
    }

    @Test
    void should_clear_the_times_of_a_container_status_unknown() {
        List<TraceEvent> events = started();
        events.add(new ContainerStatusChanged(9000,
                status(new ContainerState.Terminated(137, "ContainerStatusUnknown", "", 0, 9000))));

        assertThat(view(events).statusesOf("app")).last().extracting(ContainerStatus::state)
                .isEqualTo(new ContainerState.Terminated(137, "ContainerStatusUnknown", "", 0, 0));
    }

    @Test
    void should_know_an_oom_kill_to_the_api_second_but_not_before_the_start() {
        List<TraceEvent> events = started();
        events.add(new ContainerStatusChanged(4000, status(new ContainerState.Terminated(137, "OOMKilled", "", 1000, 3000))));
        events.add(new ContainerStatusChanged(5000, status(new ContainerState.Terminated(137, "OOMKilled", "", 1000, 1000))));

        assertThat(view(events).statusesOf("app")).extracting(ContainerStatus::state).containsExactly(
                new ContainerState.Running(1000), new ContainerState.Terminated(137, "OOMKilled", "", 1000, 2750),
                new ContainerState.Terminated(137, "OOMKilled", "", 1000, 1000));
    }

    @Test
    void should_know_an_oom_kill_no_earlier_than_the_last_line_its_process_wrote() {
        List<TraceEvent> events = started();
        events.add(new SignalSent(3000, "app", Signal.SIGTERM));
        events.add(new ContainerStatusChanged(3000, status(new ContainerState.Terminated(137, "OOMKilled", "", 1000, 3000))));

        assertThat(view(events).statusesOf("app")).last().extracting(ContainerStatus::state)
                .isEqualTo(new ContainerState.Terminated(137, "OOMKilled", "", 1000, 3000));
    }

    @Test
    void should_end_a_hook_an_oom_kill_cut_short_at_the_api_second_first_in_it_after_the_hook_began() {
        List<TraceEvent> events = started();
        HookStarted hook = new HookStarted(2000, "app", Hook.postStart);
        KubeletEvent unhealthy = new KubeletEvent(2900, "Unhealthy", "app", "Readiness probe failed");
        events.addAll(List.of(hook, unhealthy, new HookFinished(3000, "app", Hook.postStart, true),
                new ContainerStatusChanged(3000, status(new ContainerState.Terminated(137, "OOMKilled", "", 1000, 3000)))));

        // The API's second of 3000 begins at 2750: the hook's end comes before the 2900 event.
        assertThat(view(events).events()).containsSubsequence(hook, new HookFinished(2750, "app", Hook.postStart, true),
                unhealthy);
    }

    @Test
    void should_keep_a_hook_end_the_exit_line_tells() {
        List<TraceEvent> events = started();
        HookFinished died = new HookFinished(3000, "app", Hook.postStart, true);
        events.addAll(List.of(new HookStarted(2000, "app", Hook.postStart), died,
                new ContainerStatusChanged(3000, status(new ContainerState.Terminated(1, "Error", "", 1000, 3000)))));

        assertThat(view(events)).isEqualTo(new Trace(events));
    }
}
