package dev.podcheck.cli;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.api.TargetProvider;
import dev.podcheck.conformance.report.ConsoleReport;
import dev.podcheck.conformance.report.JsonReport;
import dev.podcheck.conformance.report.Reports;
import dev.podcheck.conformance.runner.RerunOptions;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Opens the target, runs a plan with progress on standard error, prints the summary (or the JSON or
 * YAML report) on standard output, writes the reports and closes the target (which removes what it
 * made): what run, replay and self-check share.
 */
final class RunAndReport {
    private RunAndReport() {}

    /**
     * How a run's results are shown.
     *
     * @param rerun what the reports' replay commands must repeat
     */
    record Shown(Path reportDir, OutputFormat format, RerunOptions rerun) {}

    static int run(TargetProvider provider, Function<Target, RunPlan> planFor, Shown shown, CommandLine cli) {
        Path reportDir = shown.reportDir();
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
            return run(planFor.apply(target), target, shown, cli);
        }
    }

    private static int run(RunPlan plan, Target target, Shown shown, CommandLine cli) {
        Path reportDir = shown.reportDir();
        ConsoleReport progress = new ConsoleReport(cli.getErr(), Terminal.stderr(), System::nanoTime);
        Runner runner = new Runner(plan);
        Thread onCtrlC = new Thread(() -> interrupted(runner, target, shown, cli), "podcheck-interrupted-report");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        RunResult result;
        boolean hookRemoved;
        try {
            result = runner.run(progress).withRerun(shown.rerun());
        } finally {
            hookRemoved = removeHook(onCtrlC);
            progress.finish();
        }
        if (!hookRemoved) {
            // Interrupted: the hook reports the trials finished before, marked so; a run that ends meanwhile
            // (its trials cut short by the target's release) must not overwrite that report with an unmarked one.
            // The JVM exits with the signal's code (130, 143), whatever this returns.
            return ExitCodes.INCONCLUSIVE;
        }
        int exit = show(result, shown, cli);
        // Standard output holds only the document asked for when it is JSON or YAML.
        PrintWriter timing = shown.format() == OutputFormat.text ? cli.getOut() : cli.getErr();
        StageTimingReport.print(runner.stageTimes(), timing);
        timing.flush();
        return exit;
    }

    /** Prints a finished run as asked and writes its reports; its exit code, or 2 when the reports cannot be written. */
    static int show(RunResult result, Shown shown, CommandLine cli) {
        Path reportDir = shown.reportDir();
        cli.getOut().print(switch (shown.format()) {
            case text -> ConsoleReport.summaryText(result);
            case json, yaml -> shown.format().machine(JsonReport.toJson(result));
        });
        try {
            List<Path> written = Reports.writeAll(result, reportDir);
            // Standard output holds only the document asked for when it is JSON or YAML.
            (shown.format() == OutputFormat.text ? cli.getOut() : cli.getErr())
                    .println("reports: " + written.stream().map(Path::toString).reduce((a, b) -> a + ", " + b).orElse(""));
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
    private static void reportInterrupted(Runner runner, Shown shown, CommandLine cli) {
        Path reportDir = shown.reportDir();
        try {
            RunResult partial = runner.finishedSoFar().withRerun(shown.rerun());
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
    static void interrupted(Runner runner, Target target, Shown shown, CommandLine cli) {
        reportInterrupted(runner, shown, cli);
        try {
            target.close();
        } catch (RuntimeException e) {
            cli.getErr().println("podcheck: interrupted, and the target could not release what it holds: " + e.getMessage()
                    + " (podcheck clean removes it)");
        }
        cli.getErr().flush();
    }

    /** Whether the hook was removed: false once the JVM is shutting down, the hook running and reporting. */
    private static boolean removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
