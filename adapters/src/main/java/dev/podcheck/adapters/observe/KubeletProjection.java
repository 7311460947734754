package dev.podcheck.adapters.observe;

import dev.podcheck.adapters.report.ContainerReport;
import dev.podcheck.adapters.report.ContainerReport.Kind;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an observer of the API and of the containers' reports would get if the engine were the
 * kubelet: what a fake kubelet writes to a mock API server, and the input of the round trip
 * {@code TraceBuilder.build(KubeletProjection.of(T)) == ApiView.of(T)}.
 * <ul>
 *   <li>a pod snapshot after every status write: the engine records one write as its container
 *       statuses, then phase, then conditions, so a write ends where that order starts over;
 *       the snapshot is the pod status accumulated so far, in the API's form ({@link ApiPodStatus});</li>
 *   <li>every kubelet event; the DELETE requests with the grace the apiserver settled on; the pod
 *       gone;</li>
 *   <li>the report lines a container writes while it lives (see {@link Lives}): start at its
 *       Started event, hook-start, hook-end (not for a hook that died with its process), sigterm,
 *       probe, and exit with its code (" sigterm" after it when the SIGTERM handler exited) for an
 *       instance that exited by itself or on SIGTERM: a SIGKILLed or OOM-killed process writes
 *       nothing. An exit line stands where the engine ended a hook with it, else after the
 *       other events of its millisecond.</li>
 * </ul>
 * Container statuses are listed in spec order; a real kubelet sorts regular containers by name
 * (kubelet_pods.go), which only changes the order of status events within one write.
 *
 * <p>Stability: experimental.
 */
public final class KubeletProjection {
    private final PodClock clock;
    private final List<TraceEvent> events;
    private final Lives lives;
    private final ApiPodStatus status;
    private final List<Sighting> out = new ArrayList<>();
    /** Exit lines waiting for the end of their millisecond. */
    private final List<ContainerReport> pendingExits = new ArrayList<>();
    private String qosClass = "";
    private Long deletionTimestamp;

    private KubeletProjection(Trace trace, Scenario scenario, PodClock clock) {
        this.clock = clock;
        this.events = trace.events();
        this.lives = Lives.of(trace);
        this.status = new ApiPodStatus(clock, names(scenario.pod().spec().initContainers()),
                names(scenario.pod().spec().containers()));
    }

    private static List<String> names(List<Container> containers) {
        return containers.stream().map(Container::name).toList();
    }

    /** @param podCreatedEpochMillis the wall-clock time of trace time 0 */
    public static List<Sighting> of(Trace trace, Scenario scenario, long podCreatedEpochMillis) {
        KubeletProjection projection = new KubeletProjection(trace, scenario, new PodClock(podCreatedEpochMillis));
        for (int i = 0; i < projection.events.size(); i++) {
            projection.flushExitsBefore(projection.events.get(i).at());
            projection.project(i);
        }
        projection.flushExitsBefore(Long.MAX_VALUE);
        return projection.out;
    }

    private void project(int index) {
        TraceEvent event = events.get(index);
        long epoch = clock.toEpoch(event.at());
        if (event instanceof TraceEvent.PodCreated created) {
            qosClass = created.qosClass();
        } else if (ApiPodStatus.isStatus(event)) {
            status.accept(event);
            if (endsWrite(index)) {
                out.add(new Sighting.PodSeen(epoch, status.snapshot(qosClass, deletionTimestamp)));
            }
        } else if (event instanceof TraceEvent.KubeletEvent e) {
            out.add(new Sighting.EventSeen(epoch, e.reason(), e.container(), e.message()));
            if (e.reason().equals(Lives.STARTED)) {
                report(index, Kind.START, "");
                queueExit(index);
            }
        } else if (event instanceof TraceEvent.DeletionRequested d) {
            deletionTimestamp = clock.apiSecond(d.deletionTimestamp());
            out.add(new Sighting.DeletionSent(epoch, d.gracePeriodSeconds(), d.force()));
        } else if (event instanceof TraceEvent.PodRemoved) {
            out.add(new Sighting.PodGone(epoch));
        } else {
            selfReported(index, event);
        }
    }

    /** Whether status event {@code index} is the last of its status write. */
    private boolean endsWrite(int index) {
        TraceEvent event = events.get(index);
        TraceEvent next = index + 1 < events.size() ? events.get(index + 1) : null;
        return next == null || !ApiPodStatus.isStatus(next) || next.at() != event.at()
                || status.rank(next) <= status.rank(event);
    }

    /** Events a container reports about itself, written only while it lives. */
    private void selfReported(int index, TraceEvent event) {
        if (event instanceof TraceEvent.HookFinished && lives.diedUnderHook(index)) {
            // The hook died with the process and wrote no end; the process's exit line stands here.
            Lives.Life life = lives.lifeOf(index);
            ContainerReport exit = exit(index, life);
            if (exit != null) {
                pendingExits.remove(exit);
                out.add(new Sighting.ReportSeen(exit));
            }
            return;
        }
        if (!lives.writesLine(index)) {
            return;
        }
        if (event instanceof TraceEvent.ProbeResult p) {
            report(index, Kind.PROBE, p.probe().name() + (p.success() ? " pass" : " fail"));
        } else if (event instanceof TraceEvent.HookStarted h) {
            report(index, Kind.HOOK_START, h.hook().name());
        } else if (event instanceof TraceEvent.HookFinished f) {
            report(index, Kind.HOOK_END, f.hook().name() + (f.failed() ? " fail" : " ok"));
        } else if (event instanceof TraceEvent.SignalSent) {
            report(index, Kind.SIGTERM, "");
        }
    }

    private void report(int index, Kind kind, String detail) {
        out.add(new Sighting.ReportSeen(new ContainerReport(clock.toEpoch(events.get(index).at()),
                lives.containerAt(index), lives.instanceAt(index), kind, detail)));
    }

    /** Queues the exit line of the instance that event {@code index} started, if it will write one. */
    private void queueExit(int index) {
        ContainerReport exit = exit(index, lives.lifeOf(index));
        if (exit != null) {
            pendingExits.add(exit);
        }
    }

    /** The exit line of the instance of event {@code index}, or null when its process writes none. */
    private ContainerReport exit(int index, Lives.Life life) {
        if (life == null || !life.exitReported()) {
            return null;
        }
        ContainerState.Terminated end = life.end;
        String detail = end.exitCode() + (end.signal().equals(Signal.SIGTERM.name()) ? " " + Reports.BY_SIGTERM : "");
        return new ContainerReport(clock.toEpoch(end.finishedAt()), lives.containerAt(index), lives.instanceAt(index),
                Kind.EXIT, detail);
    }

    /** Exit lines go after the other events of their millisecond. */
    private void flushExitsBefore(long at) {
        pendingExits.sort(Comparator.comparingLong(ContainerReport::epochMillis));
        while (!pendingExits.isEmpty() && clock.toTrace(pendingExits.get(0).epochMillis()) < at) {
            out.add(new Sighting.ReportSeen(pendingExits.remove(0)));
        }
    }
}
