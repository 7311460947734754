package dev.podcheck.cli;

import dev.podcheck.conformance.report.Reports;
import dev.podcheck.conformance.report.VersionDiffConsole;
import dev.podcheck.conformance.versions.VersionDiff;
import dev.podcheck.conformance.versions.VersionDiffPlan;
import dev.podcheck.conformance.versions.VersionDiffResult;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.yaml.InputException;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.yaml.Printable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code podcheck diff-versions}: the upgrade gate. The same scenarios (a file's, or generated ones) predicted under
 * two Kubernetes releases; every scenario whose predicted life changes is reported under the release rule that
 * changes it, the first of each shrunk to a minimal pod, with both timelines side by side.
 */
@Command(name = "diff-versions", mixinStandardHelpOptions = true,
        description = {"Reports what changes for your pods between two Kubernetes releases.",
                "Predicts the same scenarios under both and reports each one whose predicted life differs, by",
                "the release rule that changes it, the first of each shrunk to a minimal pod, with both",
                "timelines side by side (console, JSON and HTML reports)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no scenario's predicted life changes", "1:some scenario's predicted life changes",
                "2:usage or input error (a release podcheck does not model, an unreadable file, an invalid pod)",
                "4:internal error"})
final class DiffVersionsCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "VERSION", converter = ProfileConverter.class,
            description = "The release upgraded from, e.g. 1.34 (or v1.34.4).")
    Profile from;

    @Option(names = "--to", required = true, paramLabel = "VERSION", converter = ProfileConverter.class,
            description = "The release upgraded to, e.g. 1.36.")
    Profile to;

    @Parameters(arity = "0..1", paramLabel = "FILE|-",
            description = "Your scenarios (pods with their scenario annotation; many documents allowed; - reads standard"
                    + " input). Without it, --trials generated scenarios.")
    String file;

    @Option(names = "--trials", paramLabel = "N", description = "How many generated scenarios (default: 1000).")
    Integer trials;

    @Mixin
    SeedOptions seed;

    @Option(names = "--horizon", defaultValue = "10m", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Virtual time each scenario is predicted for (default: ${DEFAULT-VALUE}).")
    Duration horizon;

    @Option(names = "--parallel", paramLabel = "N", description = "Predictions at once (default: the number of cores).")
    Integer parallel;

    @Option(names = "--shrink-attempts", paramLabel = "N", defaultValue = "2000",
            description = "Candidates a shrink may try per change (default: ${DEFAULT-VALUE}; 0 shows each as drawn).")
    int shrinkAttempts;

    @Mixin
    FieldValidation validation = new FieldValidation();

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "podcheck-reports",
            description = "Where the JSON and HTML reports go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (file != null && (trials != null || seed.seed != null)) {
            throw new CommandLine.ParameterException(cli, "FILE and --trials/--seed exclude each other: a file's"
                    + " scenarios, or generated ones");
        }
        int count = trials == null ? 1000 : trials;
        int threads = parallel == null ? Runtime.getRuntime().availableProcessors() : parallel;
        if (count < 0 || threads < 1 || shrinkAttempts < 0 || horizon.isNegative() || horizon.isZero()) {
            throw new CommandLine.ParameterException(cli, "--trials and --shrink-attempts must be at least 0,"
                    + " --parallel at least 1 and --horizon positive");
        }
        List<VersionDiffPlan.Written> written = new ArrayList<>();
        if (file != null) {
            Input input;
            try {
                input = InputFiles.open(file, cli);
            } catch (InputException e) {
                cli.getErr().println("podcheck: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            int read = Admission.eachAdmitted(input, validation.mode, cli.getErr(), (defaulted, first) -> {
                written.add(new VersionDiffPlan.Written(Printable.of(input.source()) + " document "
                        + (written.size() + 1), defaulted));
                return ExitCodes.OK;
            });
            if (read != ExitCodes.OK) {
                return ExitCodes.USAGE; // an unreadable file or a pod the apiserver refuses: nothing to compare
            }
            if (written.isEmpty()) {
                cli.getErr().println("podcheck: " + Printable.of(input.source()) + ": no scenario to compare");
                return ExitCodes.USAGE;
            }
        }
        VersionDiffResult result = VersionDiff.run(new VersionDiffPlan(from, to, written, count, seed.value(),
                Size.DEFAULT, horizon, threads, shrinkAttempts));
        cli.getOut().print(VersionDiffConsole.summary(result));
        try {
            List<Path> reports = Reports.writeAll(result, reportDir);
            cli.getOut().println("reports: " + String.join(", ", reports.stream().map(Path::toString).toList()));
        } catch (UncheckedIOException e) {
            cli.getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return result.exitCode();
    }
}
