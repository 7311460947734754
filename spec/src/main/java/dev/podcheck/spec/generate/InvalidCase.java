package dev.podcheck.spec.generate;

import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.behaviour.NodeImage;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A scenario with exactly one thing wrong, and the violation the apiserver must report for it:
 * the field path as the apiserver prints it ({@code spec.initContainers[0].livenessProbe}) and
 * the error type.
 *
 * <p>Stability: experimental.
 */
public record InvalidCase(Scenario scenario, String field, Violation.Type type) {
    public InvalidCase {
        if (scenario == null || field == null || type == null) {
            throw new IllegalArgumentException("an invalid case needs a scenario, a field and a type");
        }
        scenario = withoutUnusedImages(scenario);
    }

    /** A mutation that drops or blanks a container's image leaves its node image describing none: one mistake only. */
    private static Scenario withoutUnusedImages(Scenario scenario) {
        Set<String> used = scenario.pod().spec().allContainers().map(Container::image).collect(Collectors.toSet());
        Map<String, NodeImage> kept = new LinkedHashMap<>(scenario.images());
        kept.keySet().retainAll(used);
        return kept.size() == scenario.images().size() ? scenario : scenario.withImages(kept);
    }

    /** True if {@code violations} include one at this field with this type. */
    public boolean isReportedBy(List<Violation> violations) {
        return violations.stream().anyMatch(v -> v.field().equals(field) && v.type() == type);
    }

    @Override
    public String toString() {
        return field + ": " + type.words();
    }
}
