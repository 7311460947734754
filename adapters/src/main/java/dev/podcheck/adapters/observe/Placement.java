package dev.podcheck.adapters.observe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Where something known only by inference (a SIGKILL, a hook that died with its container)
 * stands among what was observed: first among the observations of its millisecond, because
 * nothing observed orders it within that millisecond, but never before the observation it was
 * inferred from. {@link TraceBuilder} and {@link ApiView} both place inferred events this way.
 */
final class Placement {
    private Placement() {}

    /**
     * @param at    its time, on the same clock as the observations
     * @param after the index of the observation it must follow, or -1
     */
    record Inferred<T>(long at, int after, T item) {}

    /**
     * The observations with the inferred items put in place; inferred items that share a place
     * keep time order, then the order of what they follow.
     */
    static <T> List<T> merge(List<T> observed, ToLongFunction<? super T> time, List<Inferred<T>> inferred) {
        List<Slotted<T>> slotted = new ArrayList<>();
        for (Inferred<T> item : inferred) {
            slotted.add(new Slotted<>(Math.max(firstAtOrAfter(observed, time, item.at()), item.after() + 1), item));
        }
        slotted.sort(Comparator.<Slotted<T>>comparingInt(Slotted::slot)
                .thenComparingLong(s -> s.item().at()).thenComparingInt(s -> s.item().after()));
        List<T> merged = new ArrayList<>(observed.size() + inferred.size());
        int next = 0;
        for (int i = 0; i <= observed.size(); i++) {
            while (next < slotted.size() && slotted.get(next).slot() == i) {
                merged.add(slotted.get(next++).item().item());
            }
            if (i < observed.size()) {
                merged.add(observed.get(i));
            }
        }
        return merged;
    }

    private record Slotted<T>(int slot, Inferred<T> item) {}

    private static <T> int firstAtOrAfter(List<T> observed, ToLongFunction<? super T> time, long at) {
        for (int i = 0; i < observed.size(); i++) {
            if (time.applyAsLong(observed.get(i)) >= at) {
                return i;
            }
        }
        return observed.size();
    }
}
