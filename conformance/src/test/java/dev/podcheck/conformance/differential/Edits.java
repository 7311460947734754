package dev.podcheck.conformance.differential;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Test fixture: deliberate changes to a trace, each one step of a pod's life moved or altered. */
final class Edits {
    private Edits() {}

    /** Of the events that match, those at [from, to) and every time they carry in that range, {@code by} later. */
    static Trace delay(Trace trace, Predicate<TraceEvent> which, long from, long to, long by) {
        return new Trace(trace.events().stream()
                .map(e -> which.test(e) ? Retimed.event(e, e.at() >= from && e.at() < to ? e.at() + by : e.at(),
                        t -> t >= from && t < to ? t + by : t) : e)
                .sorted(Comparator.comparingLong(TraceEvent::at)).toList());
    }

    /** Every event in [from, to), and the times they carry in that range, {@code by} later. */
    static Trace delayAll(Trace trace, long from, long to, long by) {
        return delay(trace, e -> !(e instanceof TraceEvent.PodCreated), from, to, by);
    }

    static Predicate<TraceEvent> of(String container) {
        return e -> container.equals(Retimed.container(e));
    }

    /** Every status of every container with its terminated states changed. */
    static Trace terminations(Trace trace, UnaryOperator<ContainerState.Terminated> change) {
        return new Trace(trace.events().stream().map(e -> e instanceof TraceEvent.ContainerStatusChanged c
                ? new TraceEvent.ContainerStatusChanged(c.at(), new ContainerStatus(c.status().name(),
                        changed(c.status().state(), change), changed(c.status().lastState(), change),
                        c.status().restartCount(), c.status().ready(), c.status().started())) : e).toList());
    }

    /** The events that match, left out. */
    static Trace without(Trace trace, Predicate<TraceEvent> which) {
        return new Trace(trace.events().stream().filter(which.negate()).toList());
    }

    private static ContainerState changed(ContainerState s, UnaryOperator<ContainerState.Terminated> change) {
        return s instanceof ContainerState.Terminated t ? change.apply(t) : s;
    }
}
