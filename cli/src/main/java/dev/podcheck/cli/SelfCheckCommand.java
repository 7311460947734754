package dev.podcheck.cli;

import dev.podcheck.conformance.report.ConsoleReport;
import dev.podcheck.conformance.report.Reports;
import dev.podcheck.conformance.runner.RerunOptions;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.selfcheck.Detection;
import dev.podcheck.conformance.selfcheck.SelfCheck;
import dev.podcheck.engine.Fault;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code podcheck self-check}: the kit against deliberately faulty engines (docs/self-check.md), so a
 * user can see that the invariants catch real mistakes, and what a red report looks like, without a cluster.
 */
@Command(name = "self-check", mixinStandardHelpOptions = true,
        description = {"Runs podcheck against deliberately faulty engines and prints which invariants caught each fault.",
                "Each fault breaks one Kubernetes rule in the engine; each faulty engine runs the budget of a plain",
                "'podcheck run' (1000 trials, seed 20250601, the whole catalogue), as does the faithful engine, and a",
                "fault is caught by the invariants it makes fail first. With --report FAULT, that faulty engine's run is",
                "shrunk and reported instead, as 'podcheck run' reports: a red report, without a cluster."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every fault is caught (with --report: the fault's violations are reported)",
                "1:a fault is caught by no invariant", "2:usage error, or the reports cannot be written"})
final class SelfCheckCommand implements Callable<Integer> {

    @Option(names = "--fault", paramLabel = "FAULT", split = ",",
            description = "Only these faults, e.g. PRESTOP_SKIPPED (default: every fault: ${COMPLETION-CANDIDATES}).")
    List<Fault> faults;

    @Option(names = "--report", paramLabel = "FAULT",
            description = "Run only this faulty engine, shrink its violations and write its reports to --report-dir.")
    Fault report;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "podcheck-reports",
            description = "Where --report writes the JUnit XML, JSON and HTML reports (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "text: the kill table (with --report, the run's summary); json or yaml: the same as data"
                    + " (with --report, the JSON report) (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        if (report != null) {
            if (faults != null) {
                throw new CommandLine.ParameterException(cli, "--fault and --report exclude each other: --report runs one fault");
            }
            return report(cli);
        }
        List<Fault> chosen = faults == null ? List.of(Fault.values()) : faults.stream().distinct().toList();
        cli.getErr().println("podcheck: self-check: the faithful engine and " + chosen.size() + " faulty ones, "
                + SelfCheck.TRIALS + " trials each, seed " + SelfCheck.SEED);
        List<Detection> table = SelfCheck.killTable(chosen, (done, total) -> { });
        cli.getOut().print(output == OutputFormat.text ? text(table) : output.value(table.stream().map(SelfCheckCommand::row).toList()));
        return table.stream().allMatch(Detection::caught) ? ExitCodes.OK : ExitCodes.VIOLATED;
    }

    private int report(CommandLine cli) {
        try {
            Reports.clear(reportDir);
        } catch (UncheckedIOException e) {
            cli.getErr().println("podcheck: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ConsoleReport progress = new ConsoleReport(cli.getErr(), Terminal.stderr(), System::nanoTime);
        RunResult result = SelfCheck.report(report, progress);
        progress.finish();
        int exit = RunAndReport.show(result, new RunAndReport.Shown(reportDir, output, RerunOptions.NONE), cli);
        if (exit == ExitCodes.USAGE) {
            return exit;
        }
        // Its replay commands run the faithful engine, which holds: say how to see this report again.
        cli.getErr().println("podcheck: this is the report of an engine broken on purpose (" + report + ": "
                + SelfCheck.rule(report) + " is not kept); 'podcheck self-check --report " + report + "' shows it again");
        return exit == ExitCodes.VIOLATED ? ExitCodes.OK : ExitCodes.VIOLATED;
    }

    private static String text(List<Detection> table) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-40s %-9s %s%n", "FAULT", "CAUGHT AT", "CAUGHT BY (first violating trial)"));
        for (Detection d : table) {
            String at = d.trialsToDetection().isPresent() ? "trial " + d.trialsToDetection().getAsInt() : "-";
            String by = d.caught() ? d.caughtBy().stream().map(c -> c.invariant() + " (" + (c.trial() + 1) + ")")
                    .collect(Collectors.joining(", ")) : "NOT CAUGHT";
            out.append(String.format(Locale.ROOT, "%-40s %-9s %s%n", d.fault(), at, by));
        }
        long caught = table.stream().filter(Detection::caught).count();
        out.append(caught).append(" of ").append(table.size()).append(" faults caught\n");
        return out.toString();
    }

    /** One row of the table as data, for -o json and yaml. */
    static Map<String, Object> row(Detection d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fault", d.fault().name());
        row.put("rule", SelfCheck.rule(d.fault()));
        row.put("caughtBy", d.caughtBy().stream().map(c -> Map.of("invariant", c.invariant(), "trial", c.trial() + 1)).toList());
        row.put("trialsToDetection", d.trialsToDetection().isPresent() ? d.trialsToDetection().getAsInt() : null);
        return row;
    }
}
