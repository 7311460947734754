package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine trace restricted to what an observer of the API, the pod's Events and the
 * containers' reports can know of it: what {@link TraceBuilder} can rebuild at best, and so what
 * the engine's trace is compared with when a real target's is. The one place that says what is
 * lost:
 * <ol>
 *   <li>a probe run, hook start or end, or SIGTERM is known from the container's report, so only
 *       while its instance lives ({@link Lives}); a probe of a process that has exited, or a hook
 *       the engine ends after its container died, is not;</li>
 *   <li>ContainerStatusUnknown has no times (TerminatePod sets none);</li>
 *   <li>an OOM kill is known to the wall-clock second (the API's finishedAt; nobody in the
 *       container can report it), but not before the instance's latest report line (its start
 *       at least); the end of a hook it cut short likewise;</li>
 *   <li>a SIGKILL is known from the status that shows its instance Terminated with 137 after a
 *       SIGTERM and no exit report: not when no status shows that end (the pod was gone first);</li>
 *   <li>an event known by inference only (a SIGKILL; a hook that died under an OOM kill) comes
 *       first among the events of its millisecond, after what it is inferred from (the
 *       container's SIGTERM; the hook's start): nothing observed orders it within that
 *       millisecond ({@link Placement}).</li>
 * </ol>
 * Everything else (statuses, phase, conditions, Events, deletion, removal, eviction, QoS class,
 * hooks and signals while the container lives) is kept as it is.
 *
 * <p>Stability: experimental.
 */
public final class ApiView {
    private ApiView() {}

    /** @param podCreatedEpochMillis the wall-clock time of trace time 0: where the API's seconds fall */
    public static Trace of(Trace trace, long podCreatedEpochMillis) {
        PodClock clock = new PodClock(podCreatedEpochMillis);
        Lives lives = Lives.of(trace);
        List<TraceEvent> events = trace.events();
        List<TraceEvent> kept = new ArrayList<>();
        List<Placement.Inferred<TraceEvent>> inferred = new ArrayList<>();
        Map<Integer, Integer> keptAt = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent event = events.get(i);
            if (event instanceof TraceEvent.SignalSent kill && kill.signal() == Signal.SIGKILL) {
                if (lives.lifeOf(i) != null && lives.lifeOf(i).end != null) {
                    inferred.add(new Placement.Inferred<>(kill.at(), keptAt.getOrDefault(lastSigterm(events, i), -1), kill));
                }
            } else if (event instanceof TraceEvent.HookFinished f && lives.diedUnderHook(i)) {
                diedUnderHook(events, i, f, lives.lifeOf(i), clock, kept, inferred, keptAt);
            } else if (event instanceof TraceEvent.ContainerStatusChanged changed) {
                keep(i, new TraceEvent.ContainerStatusChanged(changed.at(), api(changed.status(), lives, clock)), kept,
                        keptAt);
            } else if (!selfReported(event) || lives.writesLine(i)) {
                keep(i, event, kept, keptAt);
            }
        }
        return new Trace(Placement.merge(kept, TraceEvent::at, inferred));
    }

    private static void keep(int index, TraceEvent event, List<TraceEvent> kept, Map<Integer, Integer> keptAt) {
        keptAt.put(index, kept.size());
        kept.add(event);
    }

    /** A hook cut short by its process's end: as it is after an exit line, to the second after an OOM kill. */
    private static void diedUnderHook(List<TraceEvent> events, int index, TraceEvent.HookFinished f, Lives.Life life,
                                      PodClock clock, List<TraceEvent> kept,
                                      List<Placement.Inferred<TraceEvent>> inferred, Map<Integer, Integer> keptAt) {
        if (life.exitReported()) {
            keep(index, f, kept, keptAt);
            return;
        }
        int start = hookStart(events, index, f);
        long at = knownEnd(life, clock);
        inferred.add(new Placement.Inferred<>(at, keptAt.getOrDefault(start, -1),
                new TraceEvent.HookFinished(at, f.container(), f.hook(), true)));
    }

    private static boolean selfReported(TraceEvent e) {
        return e instanceof TraceEvent.ProbeResult || e instanceof TraceEvent.HookStarted
                || e instanceof TraceEvent.HookFinished || e instanceof TraceEvent.SignalSent;
    }

    private static int lastSigterm(List<TraceEvent> events, int kill) {
        String container = ((TraceEvent.SignalSent) events.get(kill)).container();
        for (int i = kill - 1; i >= 0; i--) {
            if (events.get(i) instanceof TraceEvent.SignalSent s && s.signal() == Signal.SIGTERM
                    && s.container().equals(container)) {
                return i;
            }
        }
        return -1;
    }

    private static int hookStart(List<TraceEvent> events, int finished, TraceEvent.HookFinished f) {
        for (int i = finished - 1; i >= 0; i--) {
            if (events.get(i) instanceof TraceEvent.HookStarted h && h.container().equals(f.container())
                    && h.hook() == f.hook()) {
                return i;
            }
        }
        throw new IllegalStateException("a hook ended that never started: " + f);
    }

    /** An end nobody reported: the API's second of it, but no earlier than the instance's latest line. */
    private static long knownEnd(Lives.Life life, PodClock clock) {
        return Math.max(clock.toApiResolution(life.end.finishedAt()), life.lastLine);
    }

    private static ContainerStatus api(ContainerStatus s, Lives lives, PodClock clock) {
        return new ContainerStatus(s.name(), api(s.name(), s.state(), lives, clock),
                s.lastState() == null ? null : api(s.name(), s.lastState(), lives, clock),
                s.restartCount(), s.ready(), s.started());
    }

    private static ContainerState api(String container, ContainerState state, Lives lives, PodClock clock) {
        if (!(state instanceof ContainerState.Terminated t)) {
            return state;
        }
        if (t.reason().equals(Snapshots.STATUS_UNKNOWN)) {
            return new ContainerState.Terminated(t.exitCode(), t.reason(), t.signal(), 0, 0);
        }
        Lives.Life life = lives.endedWith(container, t);
        if (t.reason().equals(Snapshots.OOM_KILLED) && life != null) {
            return new ContainerState.Terminated(t.exitCode(), t.reason(), t.signal(), t.startedAt(),
                    knownEnd(life, clock));
        }
        return t;
    }
}
