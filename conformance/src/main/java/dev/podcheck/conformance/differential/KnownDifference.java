package dev.podcheck.conformance.differential;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One entry of a known-deviation file about the differential: a target is known to differ on one
 * {@link Fact}, maybe only for one kind of container or in scenarios with given features, and why.
 * Every other fact, and this one elsewhere, is still checked.
 *
 * <p>Stability: experimental.
 *
 * @param kind     the container kind it is limited to ({@code init}, {@code sidecar}, {@code regular}), or null
 * @param features the scenario features it is limited to (all must be present); empty for every scenario
 */
public record KnownDifference(Fact fact, String kind, List<String> features, String reason) {
    public KnownDifference {
        features = List.copyOf(features);
        if (fact == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a known difference names its fact and why");
        }
        if (kind != null && Arrays.stream(Outcome.Kind.values()).noneMatch(k -> k.label().equals(kind))) {
            throw new IllegalArgumentException("no container kind is called \"" + kind
                    + "\"; kinds: init, sidecar, regular");
        }
        for (String f : features) {
            if (!Features.ALL.contains(f)) {
                throw new IllegalArgumentException("no scenario feature is called \"" + f + "\"; features: "
                        + String.join(", ", Features.ALL));
            }
        }
    }

    /** Whether it explains this difference, found in a scenario with these features. */
    public boolean explains(Difference d, Set<String> scenarioFeatures) {
        return d.fact() == fact && (kind == null || kind.equals(d.kind())) && scenarioFeatures.containsAll(features);
    }

    /** "differs/restart-count [init; restartPolicy=Always]": the entry as reports name it. */
    public String label() {
        List<String> narrowing = new ArrayList<>();
        if (kind != null) {
            narrowing.add(kind);
        }
        narrowing.addAll(features);
        return fact.id() + (narrowing.isEmpty() ? "" : " [" + String.join("; ", narrowing) + "]");
    }
}
