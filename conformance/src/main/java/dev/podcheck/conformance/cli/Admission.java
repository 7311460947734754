package dev.podcheck.conformance.cli;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.admission.Violation;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.ScenarioReader;
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

    /** What a verb does with each admitted scenario of a file; an exit code other than OK stops the file. */
    @FunctionalInterface
    interface Each {
        int accept(Scenario defaulted, boolean first);
    }

    /**
     * Reads every scenario of {@code file} and hands each admitted one to {@code each}: exit 2 for an
     * unreadable file, 1 when some pod is invalid (after the others are done), else what {@code each} says.
     */
    static int eachAdmitted(Path file, PrintWriter err, Each each) {
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioReader.read(file);
        } catch (InputException e) {
            err.println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int exit = ExitCodes.OK;
        boolean first = true;
        for (Scenario scenario : scenarios) {
            Optional<Scenario> admitted = admit(file, scenario, err);
            if (admitted.isEmpty()) {
                exit = ExitCodes.VIOLATED;
                continue;
            }
            int done = each.accept(admitted.get(), first);
            if (done != ExitCodes.OK) {
                return done;
            }
            first = false;
        }
        return exit;
    }

    static String podName(Scenario scenario) {
        String name = scenario.pod().metadata().name();
        return "pod/" + (name == null ? "(unnamed)" : name);
    }
}
