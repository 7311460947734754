package dev.podcheck.spec.behaviour;

import dev.podcheck.spec.pod.Immutables;
import java.time.Duration;
import java.util.List;

/**
 * When a probe's checks pass, as windows of time since the instance started. Outside every window
 * checks fail. Written in YAML as {@code always}, {@code never}, or a list of windows.
 */
public record Health(List<Window> passing) {

    public static final Health ALWAYS = new Health(List.of(new Window(Duration.ZERO, null)));
    public static final Health NEVER = new Health(List.of());

    public Health {
        passing = Immutables.listOf("a window like {from: 10s, until: 30s}", passing);
    }

    public static Health from(Duration from) {
        return new Health(List.of(new Window(from, null)));
    }

    public static Health until(Duration until) {
        return new Health(List.of(new Window(Duration.ZERO, until)));
    }

    public boolean passesAt(Duration sinceStart) {
        return passing.stream().anyMatch(w -> w.contains(sinceStart));
    }

    /**
     * {@link #passesAt(Duration)} for a whole number of milliseconds, without allocating: the engine
     * asks this at every probe tick.
     */
    public boolean passesAtMillis(long sinceStartMillis) {
        long seconds = Math.floorDiv(sinceStartMillis, 1000L);
        int nanos = (int) Math.floorMod(sinceStartMillis, 1000L) * 1_000_000;
        for (int i = 0; i < passing.size(); i++) {
            if (passing.get(i).contains(seconds, nanos)) {
                return true;
            }
        }
        return false;
    }

    /** A half-open window [from, until); a null {@code until} never ends. */
    public record Window(Duration from, Duration until) {
        public Window {
            from = from == null ? Duration.ZERO : from;
            Durations.requireNonNegative("from", from);
            if (until != null && until.compareTo(from) < 0) {
                throw new IllegalArgumentException("until (" + Durations.format(until)
                        + ") must not be before from (" + Durations.format(from) + ")");
            }
        }

        public boolean contains(Duration t) {
            return t.compareTo(from) >= 0 && (until == null || t.compareTo(until) < 0);
        }

        /** {@link #contains(Duration)} for the duration of {@code seconds} and {@code nanos}, as Duration compares. */
        boolean contains(long seconds, int nanos) {
            return compare(seconds, nanos, from) >= 0 && (until == null || compare(seconds, nanos, until) < 0);
        }

        private static int compare(long seconds, int nanos, Duration d) {
            int bySeconds = Long.compare(seconds, d.getSeconds());
            return bySeconds != 0 ? bySeconds : Integer.compare(nanos, d.getNano());
        }
    }
}
