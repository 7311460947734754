package dev.podcheck.conformance.cli;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.conformance.report.ConsoleReport;
import dev.podcheck.conformance.report.Reports;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Opens the target, runs a plan with a progress bar, prints the summary, writes the reports and
 * closes the target (which removes what it made): what run and replay share.
 */
final class RunAndReport {
    private RunAndReport() {}

    static int run(TargetProvider provider, Function<Target, RunPlan> planFor, Path reportDir, CommandLine cli) {
        Target target;
        try {
            target = provider.open();
        } catch (Target.TargetException e) {
            cli.getErr().println("podcheck: target " + provider.name() + " cannot be used: " + e.getMessage());
            return ExitCodes.TARGET_UNAVAILABLE;
        }
        try (target) {
            return run(planFor.apply(target), reportDir, cli);
        }
    }

    private static int run(RunPlan plan, Path reportDir, CommandLine cli) {
        ConsoleReport console = new ConsoleReport(cli.getOut(), System.console() != null && !"dumb".equals(System.getenv("TERM")),
                System::nanoTime);
        RunResult result = new Runner(plan).run(console);
        console.summary(result);
        try {
            List<Path> written = Reports.writeAll(result, reportDir);
            cli.getOut().println("reports: " + written.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
        } catch (UncheckedIOException e) {
            cli.getErr().println("podcheck: cannot write the reports to " + reportDir + ": " + e.getMessage());
            return ExitCodes.USAGE;
        }
        cli.getOut().flush();
        return result.exitCode();
    }
}
