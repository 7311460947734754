package dev.podcheck.conformance.api;

import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.HookStarted;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One trial's trace read once and shared by every invariant that judges it: the events by type, each
 * container's status changes and kubelet events, where each event stands in the trace, and whatever an
 * invariant derives from them (runs, snapshots, holds) computed once per trial. Sixty invariants each
 * streaming the whole trace cost several times what the engine takes to make it.
 *
 * <p>Built on first use, so a trial whose invariants never ask costs nothing. Not thread-safe: one
 * trial is judged on one thread. Two indexes are equal when their traces are (it is derived from it).
 *
 * <p>Stability: experimental.
 */
public final class TraceIndex {
    private final Trace trace;
    private Map<Class<?>, List<TraceEvent>> byType;
    private Map<String, List<ContainerStatusChanged>> statuses;
    private Map<String, List<KubeletEvent>> kubeletEvents;
    private Map<String, List<TraceEvent>> hooks;
    private Map<TraceEvent, Integer> positions;
    private final Map<Object, Object> derived = new HashMap<>();

    public TraceIndex(Trace trace) {
        this.trace = trace;
    }

    public Trace trace() {
        return trace;
    }

    /** The events of one record type in trace order, as {@link Trace#all} streams them. */
    @SuppressWarnings("unchecked")
    public <E extends TraceEvent> List<E> all(Class<E> type) {
        if (type.isInterface()) {
            return trace.all(type).toList();
        }
        return (List<E>) byType().getOrDefault(type, List.of());
    }

    /** The status changes of one container in trace order. */
    public List<ContainerStatusChanged> statuses(String container) {
        if (statuses == null) {
            statuses = byContainer(all(ContainerStatusChanged.class), c -> c.status().name());
        }
        return statuses.getOrDefault(container, List.of());
    }

    /** The kubelet events about one container in trace order. */
    public List<KubeletEvent> kubeletEvents(String container) {
        if (kubeletEvents == null) {
            kubeletEvents = byContainer(all(KubeletEvent.class), KubeletEvent::container);
        }
        return kubeletEvents.getOrDefault(container, List.of());
    }

    /** The hooks begun and finished in one container (HookStarted, HookFinished) in trace order. */
    public List<TraceEvent> hooks(String container) {
        if (hooks == null) {
            hooks = byContainer(trace.events().stream().filter(e -> e instanceof HookStarted || e instanceof HookFinished)
                    .toList(), e -> e instanceof HookStarted h ? h.container() : ((HookFinished) e).container());
        }
        return hooks.getOrDefault(container, List.of());
    }

    /**
     * Where the event stands in the trace: the index of the first event equal to it, as
     * {@code trace.events().indexOf(event)} answers, or -1.
     */
    public int position(TraceEvent event) {
        if (positions == null) {
            List<TraceEvent> events = trace.events();
            positions = new HashMap<>(events.size() * 2);
            for (int i = 0; i < events.size(); i++) {
                positions.putIfAbsent(events.get(i), i);
            }
        }
        return positions.getOrDefault(event, -1);
    }

    /**
     * What an invariant derives from this trial, computed on the first call for {@code key} and shared by
     * every later one. The key says what it is (a record of its own with the derivation's arguments); the
     * computation may itself ask for other derived values.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, Supplier<T> compute) {
        Object known = derived.get(key);
        if (known == null) {
            known = compute.get();
            derived.put(key, known);
        }
        return (T) known;
    }

    private Map<Class<?>, List<TraceEvent>> byType() {
        if (byType == null) {
            byType = new HashMap<>();
            for (TraceEvent e : trace.events()) {
                byType.computeIfAbsent(e.getClass(), k -> new ArrayList<>()).add(e);
            }
            byType.replaceAll((type, events) -> List.copyOf(events));
        }
        return byType;
    }

    private static <E> Map<String, List<E>> byContainer(List<E> events, Function<E, String> container) {
        Map<String, List<E>> out = new HashMap<>();
        for (E e : events) {
            out.computeIfAbsent(container.apply(e), k -> new ArrayList<>()).add(e);
        }
        out.replaceAll((name, of) -> List.copyOf(of));
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TraceIndex other && trace.equals(other.trace);
    }

    @Override
    public int hashCode() {
        return trace.hashCode();
    }

    @Override
    public String toString() {
        return "TraceIndex[" + trace.events().size() + " events]";
    }
}
