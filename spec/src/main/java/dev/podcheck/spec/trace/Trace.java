package dev.podcheck.spec.trace;

import dev.podcheck.spec.pod.Immutables;
import java.util.List;
import java.util.stream.Stream;

/** The time-ordered observations of one pod's life, as any target (engine, cluster, podman) reports them. */
public record Trace(List<TraceEvent> events) {
    public Trace {
        events = Immutables.list(events);
        for (int i = 1; i < events.size(); i++) {
            if (events.get(i).at() < events.get(i - 1).at()) {
                throw new IllegalArgumentException("trace time goes back at event " + i + ": " + events.get(i));
            }
        }
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
