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
        try {
            Reports.clear(reportDir);
        } catch (UncheckedIOException e) {
            cli.getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        Target target;
        try {
            target = provider.open();
        } catch (Target.TargetException e) {
            cli.getErr().println("podcheck: target " + provider.name() + " cannot be used: " + e.getMessage());
            return ExitCodes.TARGET_UNAVAILABLE;
        }
        try (target) {
            return run(planFor.apply(target), target, reportDir, cli);
        }
    }

    private static int run(RunPlan plan, Target target, Path reportDir, CommandLine cli) {
        ConsoleReport console = new ConsoleReport(cli.getOut(), System.console() != null && !"dumb".equals(System.getenv("TERM")),
                System::nanoTime);
        Runner runner = new Runner(plan);
        Thread onCtrlC = new Thread(() -> interrupted(runner, target, reportDir, cli), "podcheck-interrupted-report");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        RunResult result;
        try {
            result = runner.run(console);
        } finally {
            removeHook(onCtrlC);
        }
        console.summary(result);
        StageTimingReport.print(runner.stageTimes(), cli.getOut());
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

    /**
     * On Ctrl-C or SIGTERM (the JVM runs this hook and then exits 130 or 143): the trials finished so far are
     * reported, marked interrupted, so the reports say what was checked and that it was not all.
     */
    private static void reportInterrupted(Runner runner, Path reportDir, CommandLine cli) {
        try {
            RunResult partial = runner.finishedSoFar();
            Reports.writeAll(partial, reportDir);
            cli.getErr().println("podcheck: interrupted: " + partial.uncheckedBecause() + "; reported in " + reportDir);
        } catch (RuntimeException e) {
            cli.getErr().println("podcheck: interrupted, and the trials so far could not be reported: " + e.getMessage());
        }
        cli.getErr().flush();
    }

    /**
     * What the shutdown hook does on Ctrl-C or SIGTERM: reports the trials finished so far, then releases what
     * the target holds (a run namespace, pods), since the main thread never reaches its own close.
     */
    static void interrupted(Runner runner, Target target, Path reportDir, CommandLine cli) {
        reportInterrupted(runner, reportDir, cli);
        try {
            target.close();
        } catch (RuntimeException e) {
            cli.getErr().println("podcheck: interrupted, and the target could not release what it holds: " + e.getMessage()
                    + " (podcheck clean removes it)");
        }
        cli.getErr().flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down: the hook is running and reports what finished.
        }
    }
}
