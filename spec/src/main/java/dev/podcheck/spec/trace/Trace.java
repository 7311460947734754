package dev.podcheck.spec.trace;

import dev.podcheck.spec.pod.Immutables;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The time-ordered observations of one pod's life, as any target (engine, cluster, podman) reports them.
 *
 * @param neighbours in a node scenario, the traces of the other pods on the node by name, on the same clock
 *     (every pod of a node scenario is created at 0); empty for a pod alone on its node
 */
public record Trace(List<TraceEvent> events, Map<String, Trace> neighbours) {
    public Trace {
        events = Immutables.list(events);
        neighbours = neighbours == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(neighbours));
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).at() < events.get(i - 1).at()) {
                throw new IllegalArgumentException("trace time goes back at event " + i + ": " + events.get(i));
            }
        }
    }

    /** A pod alone on its node. */
    public Trace(List<TraceEvent> events) {
        this(events, Map.of());
    }

    /** The same observations with the other pods' traces of a node scenario. */
    public Trace withNeighbours(Map<String, Trace> value) {
        return new Trace(events, value);
    }

    public <E extends TraceEvent> Stream<E> all(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast);
    }

    /** The status changes of one container, in order. */
    public Stream<ContainerStatus> statusesOf(String container) {
        return all(TraceEvent.ContainerStatusChanged.class).map(TraceEvent.ContainerStatusChanged::status)
                .filter(s -> s.name().equals(container));
    }

    /** When the trace ends: the time of its last event, or 0. */
    public long end() {
        return events.isEmpty() ? 0 : events.get(events.size() - 1).at();
    }
}
