package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.differential.Difference.Fact;
import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Exit;
import dev.podcheck.conformance.differential.Outcome.Interval;
import dev.podcheck.conformance.differential.Outcome.PhaseChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a target's outcome with the reference engine's prediction, fact by fact, within the
 * target's tolerance, and only on facts both outcomes observed. A target that honours every rule
 * may still differ where Kubernetes leaves room (and where the engine is wrong): a difference is a
 * finding to look at, reported under its own id, {@value #ID}.
 *
 * <p>Stability: experimental.
 */
public final class Differential {
    /** The finding's id in reports, JUnit and known-deviation files. */
    public static final String ID = "differs-from-reference";

    private Differential() {}

    /** Every fact on which {@code observed} differs from {@code predicted}, pod facts first, then per container. */
    public static List<Difference> compare(Outcome predicted, Outcome observed, Duration tolerance) {
        Window window = new Window(Math.min(predicted.horizon(), observed.horizon()), tolerance.toMillis());
        Set<Observation> both = EnumSet.noneOf(Observation.class);
        both.addAll(predicted.observed());
        both.retainAll(observed.observed());
        List<Difference> out = new ArrayList<>();
        if (both.contains(Observation.QOS_CLASS) && !Objects.equals(predicted.qosClass(), observed.qosClass())) {
            out.add(new Difference(Fact.QOS_CLASS, "", String.valueOf(predicted.qosClass()),
                    String.valueOf(observed.qosClass()), 0L, 0L));
        }
        if (both.contains(Observation.PHASE)) {
            phase(predicted.phases(), observed.phases(), window, out);
        }
        if (both.contains(Observation.DELETION)) {
            removed(predicted.removedAt(), observed.removedAt(), window, out);
        }
        if (both.contains(Observation.CONDITIONS)) {
            ready(predicted.ready(), observed.ready(), window, out);
        }
        if (both.contains(Observation.CONTAINER_STATUSES)) {
            Order.compare(predicted.lifecycle(), observed.lifecycle(), window).ifPresent(out::add);
            for (ContainerOutcome p : predicted.containers()) {
                ContainerOutcome o = observed.container(p.name());
                if (o != null) {
                    container(p, o, window, out);
                }
            }
        }
        return out;
    }

    /**
     * The last phase and reason must agree, unless the other side held that phase within the
     * tolerance of the window's end (it may not have got there yet); a terminal phase must also be
     * reached within the tolerance.
     */
    private static void phase(List<PhaseChange> predicted, List<PhaseChange> observed, Window window,
                              List<Difference> out) {
        PhaseChange p = predicted.isEmpty() ? null : predicted.get(predicted.size() - 1);
        PhaseChange o = observed.isEmpty() ? null : observed.get(observed.size() - 1);
        if (p == null && o == null) {
            return;
        }
        boolean same = p != null && o != null && p.phase() == o.phase() && p.reason().equals(o.reason());
        boolean differs;
        if (same) {
            differs = p.phase().isTerminal() && !window.close(p.at(), o.at());
        } else {
            Set<String> heldNearTheEnd = heldNearTheEnd(predicted, window);
            heldNearTheEnd.retainAll(heldNearTheEnd(observed, window));
            differs = heldNearTheEnd.isEmpty();
        }
        if (differs) {
            out.add(new Difference(Fact.PHASE, "", phase(p), phase(o), p == null ? null : p.at(),
                    o == null ? null : o.at()));
        }
    }

    /** The phases (with reasons) the pod was in at some time within the tolerance of the end; "" for none yet. */
    private static Set<String> heldNearTheEnd(List<PhaseChange> phases, Window window) {
        Set<String> held = new HashSet<>();
        String before = "";
        for (PhaseChange c : phases) {
            if (window.late(c.at())) {
                held.add(c.phase() + "/" + c.reason());
            } else {
                before = c.phase() + "/" + c.reason();
            }
        }
        held.add(before);
        return held;
    }

    private static String phase(PhaseChange c) {
        if (c == null) {
            return "none";
        }
        return c.phase() + (c.reason().isEmpty() ? "" : " (" + c.reason() + ")") + " since " + c.at() + " ms";
    }

    private static void removed(Long predicted, Long observed, Window window, List<Difference> out) {
        if (!sameEvent(predicted, observed, window)) {
            out.add(new Difference(Fact.REMOVED, "", removal(predicted), removal(observed), predicted, observed));
        }
    }

    private static String removal(Long at) {
        return at == null ? "was never removed" : "was removed at " + at + " ms";
    }

    /** Both happened within the tolerance of each other, or neither did, or the one that did came too late to tell. */
    private static boolean sameEvent(Long predicted, Long observed, Window window) {
        if (predicted != null && observed != null) {
            return window.close(predicted, observed);
        }
        return !onlyOneSide(predicted, observed, window);
    }

    /** Exactly one side has it, and not so near the end that the other may just not have got there. */
    private static boolean onlyOneSide(Long predicted, Long observed, Window window) {
        if ((predicted == null) == (observed == null)) {
            return false;
        }
        return !window.late(predicted == null ? observed : predicted);
    }

    /**
     * The Ready intervals must pair up, each begin and end within the tolerance. One that begins
     * within the tolerance of the end is left out on both sides: the other may not have got there.
     */
    private static void ready(List<Interval> predicted, List<Interval> observed, Window window, List<Difference> out) {
        List<Interval> p = predicted.stream().filter(i -> !window.late(i.from())).toList();
        List<Interval> o = observed.stream().filter(i -> !window.late(i.from())).toList();
        boolean same = p.size() == o.size();
        for (int i = 0; same && i < p.size(); i++) {
            same = window.close(p.get(i).from(), o.get(i).from()) && window.close(p.get(i).to(), o.get(i).to());
        }
        if (!same) {
            out.add(new Difference(Fact.READY, "", intervals(p), intervals(o), firstFrom(p), firstFrom(o)));
        }
    }

    private static String intervals(List<Interval> intervals) {
        return intervals.isEmpty() ? "was never Ready" : "was Ready during " + intervals.stream()
                .map(i -> i.from() + "-" + i.to() + " ms").collect(Collectors.joining(", "));
    }

    private static Long firstFrom(List<Interval> intervals) {
        return intervals.isEmpty() ? null : intervals.get(0).from();
    }

    private static void container(ContainerOutcome p, ContainerOutcome o, Window window, List<Difference> out) {
        // When a container starts is left to the order and the ends: start latency is the target's own.
        if (onlyOneSide(p.startedAt(), o.startedAt(), window)) {
            out.add(new Difference(Fact.STARTED, p.name(), start(p.startedAt()), start(o.startedAt()),
                    p.startedAt(), o.startedAt()));
        }
        if (!restartsAgree(p, o, window)) {
            out.add(new Difference(Fact.RESTARTS, p.name(), times(p.restartCount()), times(o.restartCount()),
                    last(p.restartedAt()), last(o.restartedAt())));
        }
        if (!endsAgree(p.ended(), o.ended(), window)) {
            out.add(new Difference(Fact.ENDED, p.name(), ended(p.ended()), ended(o.ended()),
                    p.ended() == null ? null : p.ended().at(), o.ended() == null ? null : o.ended().at()));
        }
    }

    /**
     * A restart within the tolerance of the end may fall on either side of it, so each side's count
     * is a range: from the restarts before that band to all of them. The counts agree when the
     * ranges overlap (with no restart near the end, when they are equal).
     */
    private static boolean restartsAgree(ContainerOutcome p, ContainerOutcome o, Window window) {
        return surely(p, window) <= o.restartCount() && surely(o, window) <= p.restartCount();
    }

    private static int surely(ContainerOutcome c, Window window) {
        long late = c.restartedAt().stream().filter(window::late).count();
        return (int) Math.max(0, c.restartCount() - late);
    }

    private static boolean endsAgree(Exit p, Exit o, Window window) {
        if (p == null || o == null) {
            return sameEvent(p == null ? null : p.at(), o == null ? null : o.at(), window);
        }
        return p.exitCode() == o.exitCode() && window.close(p.at(), o.at());
    }

    private static String start(Long at) {
        return at == null ? "never started" : "started at " + at + " ms";
    }

    private static String ended(Exit exit) {
        return exit == null ? "never ended" : "ended at " + exit.at() + " ms with exit code " + exit.exitCode();
    }

    private static String times(int count) {
        return count == 1 ? "1 time" : count + " times";
    }

    private static Long last(List<Long> times) {
        return times.isEmpty() ? null : times.get(times.size() - 1);
    }
}
