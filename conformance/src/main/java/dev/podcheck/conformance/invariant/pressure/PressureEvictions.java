package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.trace.TraceEvent.PodEvicted;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** The node's evictions for one signal (or all its evictions), whichever pod each took, in time order. */
record PressureEvictions(List<Eviction> all) {
    /** One eviction and the pod it took. */
    record Eviction(PodOnNode pod, PodEvicted event) {
        long at() {
            return event.at();
        }
    }

    static PressureEvictions of(List<PodOnNode> pods) {
        return of(pods, NodeSignal.MEMORY);
    }

    static PressureEvictions of(List<PodOnNode> pods, NodeSignal signal) {
        return of(pods, signal::took);
    }

    /** Every eviction for node pressure, memory's, disk's and pids': each pass makes at most one (NP-3). */
    static PressureEvictions pressure(List<PodOnNode> pods) {
        return of(pods, e -> NodeSignal.MEMORY.took(e) || NodeSignal.PIDS.took(e) || NodeSignal.DISK.took(e));
    }

    /** Every eviction, local storage limits' too (LS-1): each makes the loop wait for the pod's cleanup. */
    static PressureEvictions any(List<PodOnNode> pods) {
        return of(pods, e -> true);
    }

    private static PressureEvictions of(List<PodOnNode> pods, Predicate<PodEvicted> taken) {
        List<Eviction> out = new ArrayList<>();
        for (PodOnNode pod : pods) {
            pod.trace().all(PodEvicted.class).filter(taken).forEach(e -> out.add(new Eviction(pod, e)));
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
