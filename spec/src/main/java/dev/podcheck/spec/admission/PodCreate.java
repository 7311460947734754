package dev.podcheck.spec.admission;

import dev.podcheck.spec.scenario.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * What the apiserver answers to creating a pod once it is decoded: the pod defaulted, every reason to
 * refuse it, and the warnings it would return with it. One statement for every verb that admits pods.
 */
public record PodCreate(Scenario defaulted, List<Violation> violations, List<Warning> warnings) {
    public PodCreate {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
    }

    /** Defaulting, the Priority admission plugin, then validation; warnings only for an accepted pod, as the apiserver returns them. */
    public static PodCreate of(Scenario scenario) {
        List<Violation> tooMany = ScenarioLimits.check(scenario);
        if (!tooMany.isEmpty()) {
            return new PodCreate(scenario, tooMany, List.of());
        }
        Scenario defaulted = Defaulting.apply(scenario);
        // The Priority plugin admits before the pod is validated; its refusal is the only answer.
        Optional<Violation> priority = PriorityAdmission.refusal(defaulted.pod());
        if (priority.isPresent()) {
            return new PodCreate(defaulted, List.of(priority.get()), List.of());
        }
        List<Violation> violations = Validation.validate(defaulted);
        return new PodCreate(defaulted, violations,
                violations.isEmpty() ? Warnings.onCreate(defaulted.pod()) : List.of());
    }

    public boolean accepted() {
        return violations.isEmpty();
    }
}
