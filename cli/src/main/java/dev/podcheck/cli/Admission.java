package dev.podcheck.cli;

import dev.podcheck.spec.admission.PodCreate;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.yaml.Manifest;
import dev.podcheck.spec.yaml.Printable;
import dev.podcheck.spec.yaml.StrictDecodingError;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * What the apiserver does to a pod before anything runs it: decoding (strict or not), defaulting,
 * validation and its warnings. Every problem is one line naming the file, line, column and field.
 */
final class Admission {
    private Admission() {}

    /**
     * The defaulted scenario, or empty after printing why the apiserver refuses it. Warnings (and, with
     * {@code --validate=warn}, the fields strict decoding refuses) go to {@code warnings} as kubectl shows them.
     */
    static Optional<Scenario> admit(Manifest manifest, FieldValidation.Mode mode, PrintWriter report, PrintWriter warnings) {
        List<StrictDecodingError> strict = manifest.strictErrors();
        if (mode == FieldValidation.Mode.strict && !strict.isEmpty()) {
            strict.forEach(e -> report.println(Printable.of(e.asError(manifest.source()))));
            return Optional.empty();
        }
        if (mode == FieldValidation.Mode.warn) {
            strict.forEach(e -> warnings.println(Printable.of(e.asWarning(manifest.source()))));
        }
        PodCreate create = PodCreate.of(manifest.scenario());
        create.violations().forEach(v -> report.println(Printable.of(manifest.place(v.field()) + ": " + v.message())));
        create.warnings().forEach(w -> warnings.println(Printable.of("Warning: " + manifest.place(w.field()) + ": " + w.text())));
        return create.accepted() ? Optional.of(create.defaulted()) : Optional.empty();
    }

    /** What a verb does with each admitted scenario of a file; an exit code other than OK stops the file. */
    @FunctionalInterface
    interface Each {
        int accept(Scenario defaulted, boolean first);
    }

    /**
     * Reads every scenario of {@code input} and hands each admitted one to {@code each}: exit 2 for an
     * unreadable input, 1 when some pod is refused (after the others are done), else what {@code each} says.
     */
    static int eachAdmitted(Input input, FieldValidation.Mode mode, PrintWriter err, Each each) {
        List<Manifest> manifests;
        try {
            manifests = input.manifests();
        } catch (InputException e) {
            err.println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        int exit = ExitCodes.OK;
        boolean first = true;
        for (Manifest manifest : manifests) {
            Optional<Scenario> admitted = admit(manifest, mode, err, err);
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
