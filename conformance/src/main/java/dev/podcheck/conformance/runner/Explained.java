package dev.podcheck.conformance.runner;

import dev.podcheck.conformance.differential.Difference;
import dev.podcheck.conformance.differential.Features;
import dev.podcheck.conformance.differential.KnownDifference;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A trial's differences from the reference, split by the run's known differences: those none
 * explains (they fail the run) and the entries that explained the rest.
 */
record Explained(List<Difference> unexplained, Set<KnownDifference> by) {
    Explained {
        unexplained = List.copyOf(unexplained);
        by = Set.copyOf(by);
    }

    static Explained of(List<Difference> differences, List<KnownDifference> known, Scenario defaulted) {
        Set<String> features = Features.of(defaulted);
        List<Difference> unexplained = new ArrayList<>();
        Set<KnownDifference> by = new LinkedHashSet<>();
        for (Difference d : differences) {
            known.stream().filter(k -> k.explains(d, features)).findFirst()
                    .ifPresentOrElse(by::add, () -> unexplained.add(d));
        }
        return new Explained(unexplained, by);
    }
}
