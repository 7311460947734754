package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.conformance.differential.Differential;
import dev.podcheck.conformance.differential.Fact;
import dev.podcheck.conformance.differential.KnownDifference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a target that is not the reference compared with the engine's predictions over a run: the
 * finding {@value Differential#ID}, fact by fact.
 *
 * @param compared  trials compared (those the target ran)
 * @param differing trials that differ on a fact no known difference explains
 * @param first     the first of them, with those differences, or null
 * @param known     the known differences that explained some trial, in file order
 * @param byFact    for each fact id, the trials that differ on it (explained or not), in {@link Fact} order
 * @param trials    every trial that differs, in trial order, with its facts
 */
public record DifferentialResult(int compared, int differing, Divergence first, List<Known> known,
                                 Map<String, Integer> byFact, List<Differing> trials) {
    public DifferentialResult {
        known = List.copyOf(known);
        trials = List.copyOf(trials);
        byFact = Collections.unmodifiableMap(new LinkedHashMap<>(byFact));
    }

    /** A run with no difference at all. */
    public static DifferentialResult agreeing(int compared) {
        return new DifferentialResult(compared, 0, null, List.of(), Map.of(), List.of());
    }

    public enum Outcome { AGREES, DIFFERS, KNOWN_DEVIATION }

    /**
     * One trial that differs: where it came from, the fact ids it differs on, and whether known
     * differences explain them all.
     */
    public record Differing(String origin, List<String> facts, boolean explained) {
        public Differing {
            facts = List.copyOf(facts);
        }
    }

    /** A known difference that explained differences in {@code trials} trials. */
    public record Known(String label, String reason, int trials) {}

    public Outcome outcome() {
        if (differing > 0) {
            return Outcome.DIFFERS;
        }
        return known.isEmpty() ? Outcome.AGREES : Outcome.KNOWN_DEVIATION;
    }

    /** Counts the compared trials of a run, in trial order, and keeps the first that differs unexplained. */
    static DifferentialResult tally(List<TrialOutcome> ordered) {
        int compared = 0;
        int differing = 0;
        Divergence first = null;
        Map<KnownDifference, Integer> explained = new LinkedHashMap<>();
        Map<Fact, Integer> byFact = new TreeMap<>();
        List<Differing> trials = new ArrayList<>();
        for (TrialOutcome o : ordered) {
            if (o.differences() == null) {
                continue;
            }
            compared++;
            o.differences().stream().map(Difference::fact).distinct().forEach(f -> byFact.merge(f, 1, Integer::sum));
            o.explained().by().forEach(k -> explained.merge(k, 1, Integer::sum));
            if (o.differs()) {
                trials.add(new Differing(o.origin(), o.differences().stream().map(d -> d.fact().id()).distinct()
                        .toList(), !o.differsUnexplained()));
            }
            if (o.differsUnexplained()) {
                differing++;
                first = first != null ? first : new Divergence(o.origin(), o.trialSeed(), o.trial(), o.scenario(),
                        o.reference(), o.trace(), o.explained().unexplained());
            }
        }
        List<Known> known = new ArrayList<>();
        explained.forEach((k, n) -> known.add(new Known(k.label(), k.reason(), n)));
        Map<String, Integer> facts = new LinkedHashMap<>();
        byFact.forEach((f, n) -> facts.put(f.id(), n));
        return new DifferentialResult(compared, differing, first, known, facts, trials);
    }
}
