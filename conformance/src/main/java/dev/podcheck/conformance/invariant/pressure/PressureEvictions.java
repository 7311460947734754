package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The node's memory-pressure evictions, whichever pod each took, in time order. */
record PressureEvictions(List<Eviction> all) {
    static final String MEMORY = "memory";

    /** One eviction and the pod it took. */
    record Eviction(PodOnNode pod, PodEvicted event) {
        long at() {
            return event.at();
        }
    }

    static PressureEvictions of(List<PodOnNode> pods) {
        List<Eviction> out = new ArrayList<>();
        for (PodOnNode pod : pods) {
            pod.trace().all(PodEvicted.class).filter(e -> e.resource().equals(MEMORY))
                    .forEach(e -> out.add(new Eviction(pod, e)));
        }
        out.sort(Comparator.comparingLong(Eviction::at));
        return new PressureEvictions(List.copyOf(out));
    }

    /** When the last of them at or before {@code at} happened; -1 if none did. */
    long lastAtOrBefore(long at) {
        long last = -1;
        for (Eviction e : all) {
            if (e.at() > at) {
                break;
            }
            last = e.at();
        }
        return last;
    }
}
