package dev.podcheck.spec.generate;

import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;

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
