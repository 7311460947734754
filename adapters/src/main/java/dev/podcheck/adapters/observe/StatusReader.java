package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent.Signal;

/**
 * A container status as the API shows it (wall-clock times, whole seconds, no signal) turned into
 * the trace's (ms since pod creation), sharpened by the containers' reports:
 * <ul>
 *   <li>startedAt: the instance's start line, when it lies within {@link Reports#MATCH_WINDOW_MILLIS}
 *       from the start of the API's second (the API keeps the runtime's start to the second);</li>
 *   <li>finishedAt: the instance's exit line likewise, else the inferred SIGKILL (see
 *       {@link Endings}), else the API's second (an OOM kill is known to the second only), but
 *       never before the instance's start;</li>
 *   <li>signal (the kubelet never fills it): SIGKILL for an inferred kill, SIGTERM for an exit
 *       line the SIGTERM handler wrote, else none.</li>
 * </ul>
 * The instance a state belongs to: restartCount for the state; for lastState the instance
 * before, or the same one when TerminatePod reports the current one unknown and its exit as the
 * last state. Unset times (0) stay 0.
 */
final class StatusReader {
    private final PodClock clock;
    private final Reports reports;
    private final Endings endings;

    StatusReader(PodClock clock, Reports reports, Endings endings) {
        this.clock = clock;
        this.reports = reports;
        this.endings = endings;
    }

    ContainerStatus read(ContainerStatus api) {
        int count = api.restartCount();
        ContainerState state = read(api.name(), api.state(), count);
        ContainerState last = api.lastState() == null ? null : read(api.name(), api.lastState(), count - 1, count);
        return new ContainerStatus(api.name(), state, last, count, api.ready(), api.started());
    }

    private ContainerState read(String container, ContainerState api, int... candidates) {
        if (api instanceof ContainerState.Running running) {
            int instance = reports.instanceStartedAt(container, running.startedAt(), candidates);
            return new ContainerState.Running(clock.toTrace(startedAt(container, instance, running.startedAt())));
        }
        if (api instanceof ContainerState.Terminated t) {
            return terminated(container, t, reports.instanceEnded(container, t.startedAt(), t.finishedAt(), candidates));
        }
        return api;
    }

    private ContainerState.Terminated terminated(String container, ContainerState.Terminated t, int instance) {
        Reports.Instance lines = instance < 0 ? null : reports.instance(container, instance);
        Long killedAt = instance < 0 ? null : endings.killedAt(container, instance);
        long finishedAt = t.finishedAt();
        String signal = t.signal();
        if (lines != null && lines.exit != null && Reports.fits(lines.exit, finishedAt)) {
            finishedAt = lines.exit.epochMillis();
            signal = signal.isEmpty() && lines.exitBySigterm ? Signal.SIGTERM.name() : signal;
        } else if (killedAt != null) {
            finishedAt = killedAt;
            signal = signal.isEmpty() ? Signal.SIGKILL.name() : signal;
        }
        long startedAt = clock.toTrace(startedAt(container, instance, t.startedAt()));
        // An end known to the second only (an OOM kill) is no earlier than the start the report sharpened.
        return new ContainerState.Terminated(t.exitCode(), t.reason(), signal, startedAt,
                finishedAt == 0 ? 0 : Math.max(startedAt, clock.toTrace(finishedAt)));
    }

    private long startedAt(String container, int instance, long apiStartedAt) {
        Reports.Instance lines = instance < 0 ? null : reports.instance(container, instance);
        return lines != null && lines.start != null && Reports.fits(lines.start, apiStartedAt)
                ? lines.start.epochMillis() : apiStartedAt;
    }
}
