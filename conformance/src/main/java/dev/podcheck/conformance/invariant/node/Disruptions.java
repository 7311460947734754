package dev.podcheck.conformance.invariant.node;

import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Optional;

/** What the node group reads around one disruption: the index of each event, so equal times keep trace order. */
final class Disruptions {
    /** One kubelet restart or sandbox loss and where it is in the trace. */
    record At(int index, TraceEvent event) {
        long at() {
            return event.at();
        }
    }

    private Disruptions() {}

    static List<At> of(Trace trace, Class<? extends TraceEvent> type) {
        List<TraceEvent> events = trace.events();
        return java.util.stream.IntStream.range(0, events.size()).filter(i -> type.isInstance(events.get(i)))
                .mapToObj(i -> new At(i, events.get(i))).toList();
    }

    /** The container's status as last written before trace index {@code index}. */
    static Optional<ContainerStatus> statusBefore(Trace trace, String container, int index) {
        List<TraceEvent> events = trace.events();
        for (int i = index - 1; i >= 0; i--) {
            if (events.get(i) instanceof ContainerStatusChanged c && c.status().name().equals(container)) {
                return Optional.of(c.status());
            }
        }
        return Optional.empty();
    }

    /** The pod was being stopped (deleted, evicted, past its deadline) at or before {@code at}. */
    static boolean stopping(Trace trace, long at) {
        return trace.events().stream().filter(e -> e.at() <= at).anyMatch(e -> e instanceof TraceEvent.DeletionRequested
                || e instanceof TraceEvent.PodEvicted
                || e instanceof TraceEvent.KubeletEvent k && k.reason().equals("DeadlineExceeded")
                || e instanceof TraceEvent.PodPhaseChanged p && p.phase().isTerminal());
    }
}
