package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.api.Invariant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * docs/coverage.md: for every fact the catalogue claims, the invariants that check it in each
 * direction and the features that exercise it with their rate in the default budget; then every
 * feature's rate. {@link #problems} lists what breaks the rule "both directions or a reason".
 */
final class CoverageTable {
    private final List<Invariant> catalogue;
    private final List<String> semantics;
    private final Map<String, Double> rates;

    CoverageTable(List<Invariant> catalogue, List<String> semantics, Map<String, Double> rates) {
        this.catalogue = List.copyOf(catalogue);
        this.semantics = List.copyOf(semantics);
        this.rates = Map.copyOf(rates);
    }

    /** Fact id to the ids of the invariants that check it in each direction, in docs/semantics.md order. */
    Map<String, Map<Direction, Set<String>>> byFact() {
        Map<String, Map<Direction, Set<String>>> out = new TreeMap<>(Comparator
                .comparingInt((String f) -> ClaimedFacts.position(semantics, f)).thenComparing(f -> f));
        for (Invariant inv : catalogue) {
            Checks.Check check = Checks.BY_INVARIANT.get(inv.id());
            for (String fact : ClaimedFacts.of(inv)) {
                Map<Direction, Set<String>> dirs = out.computeIfAbsent(fact, f -> new EnumMap<>(Direction.class));
                for (Direction d : Direction.values()) {
                    dirs.computeIfAbsent(d, x -> new LinkedHashSet<>());
                }
                check.directions().forEach(d -> dirs.get(d).add(inv.id()));
            }
        }
        return out;
    }

    /** Invariants without a Check, one-way facts without a Gap, Gaps for directions that are checked. */
    List<String> problems() {
        List<String> out = new ArrayList<>();
        catalogue.stream().filter(inv -> !Checks.BY_INVARIANT.containsKey(inv.id()))
                .forEach(inv -> out.add(inv.id() + " has no entry in Checks"));
        Map<String, Map<Direction, Set<String>>> facts = byFact();
        facts.forEach((fact, dirs) -> {
            for (Direction d : Direction.values()) {
                Gaps.Gap gap = Gaps.BY_FACT.get(fact);
                boolean excused = gap != null && gap.missing() == d;
                if (dirs.get(d).isEmpty() && !excused) {
                    out.add(fact + " has no " + d + " invariant and no reason in Gaps");
                } else if (!dirs.get(d).isEmpty() && excused) {
                    out.add(fact + " is checked for " + d + " by " + dirs.get(d) + ": remove its Gap");
                }
            }
        });
        Gaps.BY_FACT.keySet().stream().filter(f -> !facts.containsKey(f))
                .forEach(f -> out.add(f + " has a Gap but no invariant claims it"));
        return out;
    }

    String markdown() {
        Map<String, Map<Direction, Set<String>>> facts = byFact();
        StringBuilder md = new StringBuilder();
        long both = facts.values().stream().filter(d -> !d.get(Direction.SAFETY).isEmpty()
                && !d.get(Direction.PROGRESS).isEmpty()).count();
        long oneWay = Gaps.BY_FACT.values().stream().filter(g -> g.kind() == Gaps.Kind.ONE_WAY).count();
        md.append(String.format("%d facts claimed by %d invariants: %d checked in both directions, %d one-way by "
                + "nature or checked as another fact, %d with one direction open.%n%n", facts.size(), catalogue.size(), both, oneWay,
                facts.size() - both - oneWay));
        md.append("| Fact | Safety (never too early, never when forbidden) | Progress (must happen, by a bound) "
                + "| Exercised by (share of the default budget's trials) |\n|---|---|---|---|\n");
        facts.forEach((fact, dirs) -> md.append("| ").append(fact).append(" | ")
                .append(cell(fact, Direction.SAFETY, dirs)).append(" | ").append(cell(fact, Direction.PROGRESS, dirs))
                .append(" | ").append(exercisedBy(dirs)).append(" |\n"));
        md.append("\n| Feature | Share of the default budget's trials |\n|---|---|\n");
        TrialFeatures.ALL.forEach(f -> md.append("| `").append(f.name()).append("` | ")
                .append(percent(f.name())).append(" |\n"));
        return md.toString();
    }

    private static String cell(String fact, Direction d, Map<Direction, Set<String>> dirs) {
        if (!dirs.get(d).isEmpty()) {
            return dirs.get(d).stream().map(id -> "`" + id + "`").collect(Collectors.joining(", "));
        }
        Gaps.Gap gap = Gaps.BY_FACT.get(fact);
        return gap == null ? "**none**" : (gap.kind() == Gaps.Kind.OPEN ? "**open**: " : "one-way: ") + gap.reason();
    }

    private String exercisedBy(Map<Direction, Set<String>> dirs) {
        Set<String> features = new LinkedHashSet<>();
        dirs.values().forEach(ids -> ids.forEach(id -> features.addAll(Checks.BY_INVARIANT.get(id).features())));
        return features.stream().map(f -> "`" + f + "` " + percent(f)).collect(Collectors.joining(", "));
    }

    private String percent(String feature) {
        return String.format("%.1f %%", 100 * rates.getOrDefault(feature, 0.0));
    }
}
