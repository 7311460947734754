package dev.podcheck.conformance.cli;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.scenario.Scenario;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the apiserver does to a pod before anything runs it: defaulting, then validation. */
final class Admission {
    private Admission() {}

    /** The defaulted scenario, or empty after printing every violation of the pod, as {@code validate} words them. */
    static Optional<Scenario> admit(Path file, Scenario scenario, PrintWriter report) {
        Scenario defaulted = Defaulting.apply(scenario);
        List<Violation> violations = Validation.validate(defaulted);
        if (violations.isEmpty()) {
            return Optional.of(defaulted);
        }
        report.println(file + ": " + podName(defaulted) + " is invalid:");
        violations.forEach(v -> report.println("  * " + v.message()));
        return Optional.empty();
    }

    static String podName(Scenario scenario) {
        String name = scenario.pod().metadata().name();
        return "pod/" + (name == null ? "(unnamed)" : name);
    }
}
