package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.spec.behaviour.DiskUse;
import java.util.List;

/**
 * The bytes in one emptyDir volume of a pod at a moment (SEMANTICS LS-5): what every run of its containers wrote to it
 * by then, a run that ended keeping what it had written at its end. Where a run's start or end is not exact (it starts
 * at that very instant, or it stopped between its first signal and its shown end) the use lies between {@code low}
 * and {@code high}.
 */
public record EmptyDirUse(long low, long high) {

    public static EmptyDirUse of(PodOnNode pod, String volume, long at) {
        long low = 0;
        long high = 0;
        for (PodOnNode.Run run : pod.runs()) {
            List<DiskUse> steps = run.behaviour().volumes().get(volume);
            if (steps == null || at < run.started()) {
                continue;
            }
            long from;
            long until;
            if (run.surelyAt(at)) {
                from = at - run.started();
                until = from;
            } else if (at == run.started()) {
                from = 0;
                until = 0;
            } else { // it ended, or may have, between surelyUntil and its last possible end
                from = Math.max(0, Math.min(run.surelyUntil(), at) - run.started());
                until = Math.min(run.ended(), at) - run.started();
            }
            long[] range = range(steps, from, until);
            low += at == run.started() ? 0 : range[0];
            high += range[1];
        }
        return new EmptyDirUse(low, high);
    }

    /** The least and most a step function holds over [from, until] (ms since the run's start). */
    private static long[] range(List<DiskUse> steps, long from, long until) {
        long first = 0;
        for (DiskUse step : steps) {
            if (step.from().toMillis() <= from) {
                first = step.bytes().longValue();
            }
        }
        long min = first;
        long max = first;
        for (DiskUse step : steps) {
            long t = step.from().toMillis();
            if (t > from && t <= until) {
                min = Math.min(min, step.bytes().longValue());
                max = Math.max(max, step.bytes().longValue());
            }
        }
        return new long[] {min, max};
    }

    /** Whether any run of the pod writes to a volume. */
    public static boolean written(PodOnNode pod) {
        return pod.runs().stream().anyMatch(run -> !run.behaviour().volumes().isEmpty());
    }
}
