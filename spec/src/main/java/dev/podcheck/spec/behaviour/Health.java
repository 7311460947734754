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
        passing = Immutables.list(passing);
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
    }
}
