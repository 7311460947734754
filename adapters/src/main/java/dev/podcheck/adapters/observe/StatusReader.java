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
 *       never before the instance's start or its latest line ({@link Reports#unreportedEnd});</li>
 *   <li>signal (the kubelet never fills it): SIGKILL for an inferred kill, SIGTERM for an exit
 *       line the SIGTERM handler wrote, else none.</li>
 * </ul>
 * The instance a state belongs to: restartCount for the state; for lastState see
 * {@link Snapshots#lastStateInstances}; the reports' times choose between two. Unset times (0)
 * stay 0.
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
        ContainerState last = api.lastState() == null ? null
                : read(api.name(), api.lastState(), Snapshots.lastStateInstances(api));
        return new ContainerStatus(api.name(), state, last, count, api.ready(), api.started());
    }

    private ContainerState read(String container, ContainerState api, int... candidates) {
        if (api instanceof ContainerState.Running running) {
            int instance = reports.instanceStartedAt(container, running.startedAt(), candidates);
            return new ContainerState.Running(clock.toTrace(startedAt(container, instance, running.startedAt())));
        }
        if (api instanceof ContainerState.Terminated t && t.reason().equals(Snapshots.STATUS_UNKNOWN)) {
            // TerminatePod's verdict on a container it could not locate: no instance's own end.
            return new ContainerState.Terminated(t.exitCode(), t.reason(), t.signal(), clock.toTrace(t.startedAt()),
                    clock.toTrace(t.finishedAt()));
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
        } else if (finishedAt != 0) {
            finishedAt = Reports.unreportedEnd(lines, finishedAt);
        }
        long startedAt = clock.toTrace(startedAt(container, instance, t.startedAt()));
        return new ContainerState.Terminated(t.exitCode(), t.reason(), signal, startedAt,
                finishedAt == 0 ? 0 : Math.max(startedAt, clock.toTrace(finishedAt)));
    }

    private long startedAt(String container, int instance, long apiStartedAt) {
        Reports.Instance lines = instance < 0 ? null : reports.instance(container, instance);
        return lines != null && lines.start != null && Reports.fits(lines.start, apiStartedAt)
                ? lines.start.epochMillis() : apiStartedAt;
    }
}
