package dev.podcheck.adapters.observe;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Signal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life of each container instance in an engine trace, and so what its containers could have
 * reported about themselves. A report line is written by the container's process or by an exec
 * into it (a hook, a probe), so only while the instance lives: from its start (its Started event)
 * to its exit, that millisecond included (within it, which comes first is a race). Instance n of
 * a container is the one its n-th Started event (from 0) announced; an event belongs to the
 * latest instance started before it in the trace.
 */
final class Lives {
    /** The kubelet's Event for a container it started (events.StartedContainer): a new instance. */
    static final String STARTED = "Started";

    /** One instance: when it started and how it ended (null while it runs). */
    static final class Life {
        final long start;
        ContainerState.Terminated end;
        /** When it wrote its latest report line (its start line at first). */
        long lastLine;

        Life(long start) {
            this.start = start;
            this.lastLine = start;
        }

        /** Its process wrote an exit line: it ended by itself or on SIGTERM, not by SIGKILL or the OOM killer. */
        boolean exitReported() {
            return end != null && !end.signal().equals(Signal.SIGKILL.name())
                    && !end.reason().equals(Snapshots.OOM_KILLED);
        }

        boolean aliveAt(long at) {
            return at >= start && (end == null || at <= end.finishedAt());
        }
    }

    /** Which instance of which container an event is about. */
    private record Owner(String container, int instance) {}

    private final Map<String, List<Life>> lives = new HashMap<>();
    /** Per index of an event about a container, the instance it belongs to. */
    private final Map<Integer, Owner> owners = new HashMap<>();
    /** Indexes of HookFinished events of hooks that died with their container. */
    private final Set<Integer> hookDeaths = new HashSet<>();

    private final List<TraceEvent> events;

    private Lives(List<TraceEvent> events) {
        this.events = events;
    }

    static Lives of(Trace trace) {
        Lives lives = new Lives(trace.events());
        for (int i = 0; i < lives.events.size(); i++) {
            lives.read(i, lives.events.get(i));
        }
        for (int i = 0; i < lives.events.size(); i++) {
            if (lives.events.get(i) instanceof TraceEvent.HookFinished finished && lives.diedWithContainer(i, finished)) {
                lives.hookDeaths.add(i);
            }
        }
        for (int i = 0; i < lives.events.size(); i++) {
            if (lives.writesLine(i)) {
                Life life = lives.lifeOf(i);
                life.lastLine = Math.max(life.lastLine, lives.events.get(i).at());
            }
        }
        return lives;
    }

    /**
     * Whether event {@code index} is one its container writes a report line for: a probe run, a
     * hook's start or end (not the end of a hook that died with its process), a SIGTERM received,
     * while it lives. A SIGKILL is not: nobody is left to write it.
     */
    boolean writesLine(int index) {
        TraceEvent e = events.get(index);
        boolean reported = e instanceof TraceEvent.ProbeResult || e instanceof TraceEvent.HookStarted
                || (e instanceof TraceEvent.HookFinished && !hookDeaths.contains(index))
                || (e instanceof TraceEvent.SignalSent s && s.signal() == Signal.SIGTERM);
        return reported && alive(index);
    }

    /** The life that ended with {@code end}, as a status of {@code container} shows it, or null. */
    Life endedWith(String container, ContainerState.Terminated end) {
        for (Life life : lives.getOrDefault(container, List.of())) {
            if (end.equals(life.end)) {
                return life;
            }
        }
        return null;
    }

    private void read(int index, TraceEvent event) {
        if (event instanceof TraceEvent.KubeletEvent started && started.reason().equals(STARTED)) {
            lives.computeIfAbsent(started.container(), k -> new ArrayList<>()).add(new Life(started.at()));
        } else if (event instanceof TraceEvent.ContainerStatusChanged changed) {
            ContainerStatus s = changed.status();
            ended(s.name(), s.state(), s.restartCount());
            ended(s.name(), s.lastState(), Snapshots.lastStateInstances(s));
        }
        String container = reporter(event);
        if (container != null) {
            owners.put(index, new Owner(container, lives.getOrDefault(container, List.of()).size() - 1));
        }
    }

    /** The container that would report this event itself, or null for events no container reports. */
    private static String reporter(TraceEvent event) {
        if (event instanceof TraceEvent.ProbeResult e) {
            return e.container();
        } else if (event instanceof TraceEvent.HookStarted e) {
            return e.container();
        } else if (event instanceof TraceEvent.HookFinished e) {
            return e.container();
        } else if (event instanceof TraceEvent.SignalSent e) {
            return e.container();
        } else if (event instanceof TraceEvent.KubeletEvent e && e.reason().equals(STARTED)) {
            return e.container();
        }
        return null;
    }

    /**
     * A termination shown for one of the candidate instances: the first that started when it says
     * and has not ended otherwise (two instances may start in one millisecond).
     */
    private void ended(String container, ContainerState state, int... candidates) {
        if (!(state instanceof ContainerState.Terminated t) || t.reason().equals(Snapshots.STATUS_UNKNOWN)) {
            return;
        }
        for (int n : candidates) {
            Life life = life(container, n);
            if (life != null && life.start == t.startedAt() && (life.end == null || life.end.equals(t))) {
                life.end = t;
                return;
            }
        }
    }

    /**
     * A failed hook end at the very millisecond its instance exited, with no SIGTERM since the hook
     * began: the exit ended the hook (Endings infers it the same way from reports).
     */
    private boolean diedWithContainer(int index, TraceEvent.HookFinished finished) {
        Life life = lifeOf(index);
        if (!finished.failed() || life == null || life.end == null || life.end.finishedAt() != finished.at()) {
            return false;
        }
        for (int i = index - 1; i >= 0; i--) {
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.SignalSent s && s.container().equals(finished.container())) {
                return false;
            }
            if (e instanceof TraceEvent.HookStarted h && h.container().equals(finished.container())
                    && h.hook() == finished.hook()) {
                return true;
            }
        }
        return false;
    }

    /** The instance the (self-reported) event {@code index} belongs to, or -1. */
    int instanceAt(int index) {
        Owner owner = owners.get(index);
        return owner == null ? -1 : owner.instance();
    }

    /** The container the (self-reported) event {@code index} is about, or null. */
    String containerAt(int index) {
        Owner owner = owners.get(index);
        return owner == null ? null : owner.container();
    }

    /** The life of the instance the (self-reported) event {@code index} belongs to, or null. */
    Life lifeOf(int index) {
        Owner owner = owners.get(index);
        return owner == null ? null : life(owner.container(), owner.instance());
    }

    private Life life(String container, int instance) {
        List<Life> list = lives.get(container);
        return list == null || instance < 0 || instance >= list.size() ? null : list.get(instance);
    }

    /** Whether the instance event {@code index} is about lived at that event, so it could write a line. */
    boolean alive(int index) {
        Life life = lifeOf(index);
        return life != null && life.aliveAt(events.get(index).at());
    }

    boolean diedUnderHook(int index) {
        return hookDeaths.contains(index);
    }
}
