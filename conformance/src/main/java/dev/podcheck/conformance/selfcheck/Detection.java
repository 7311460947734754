package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.engine.Fault;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * What one fault's run found: the invariants that caught it, each with the (0-based) trial of its
 * first violation, and the first trial at which any invariant noticed.
 *
 * <p>An invariant catches the fault when it is violated on the mutant at a trial before its first
 * violation on the faithful engine (if any). Both runs draw the same scenarios (same seed), so an
 * earlier violation is a scenario on which the faithful engine held and the mutant did not. This
 * keeps invariants the faithful engine already breaks later in the run (engine bugs, see
 * MutantsTest) from counting as a detection.
 *
 * <p>Stability: internal to podcheck's self-check.
 */
public record Detection(Fault fault, List<Caught> caughtBy) {
    /** An invariant that noticed the fault, with the 0-based trial of its first violation. */
    public record Caught(String invariant, int trial) {}

    public Detection {
        caughtBy = List.copyOf(caughtBy);
    }

    /** The first violating trial of each violated invariant. */
    static Map<String, Integer> firstViolations(RunResult result) {
        Map<String, Integer> first = new HashMap<>();
        result.invariants().stream().filter(r -> r.outcome() == InvariantResult.Outcome.VIOLATED)
                .forEach(r -> first.put(r.invariant().id(), r.counterexample().trial()));
        return first;
    }

    static Detection of(Fault fault, RunResult mutant, Map<String, Integer> faithful) {
        List<Caught> caught = firstViolations(mutant).entrySet().stream()
                .filter(e -> e.getValue() < faithful.getOrDefault(e.getKey(), Integer.MAX_VALUE))
                .map(e -> new Caught(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(Caught::trial).thenComparing(Caught::invariant))
                .toList();
        return new Detection(fault, caught);
    }

    public boolean caught() {
        return !caughtBy.isEmpty();
    }

    /** Trials run until the first detection, counting that one (trial index + 1); empty when none. */
    public OptionalInt trialsToDetection() {
        return caughtBy.stream().mapToInt(c -> c.trial() + 1).min();
    }
}
