package dev.podcheck.cli;

import dev.podcheck.conformance.api.TargetOption;
import dev.podcheck.conformance.api.TargetProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** What every verb that runs scenarios on a target shares: the target, the horizon and where the reports go. */
final class RunOptions {
    @Option(names = "--horizon", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long each scenario runs: virtual time on the engine (default 10m), wall time on a real target (its own default).")
    Duration horizon;

    @Mixin
    TargetOptions target;

    /** The horizon asked for, else the target's own default. */
    Duration horizon(TargetProvider provider) {
        return horizon != null ? horizon : provider.defaultHorizon();
    }

    @Option(names = "--trial-deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Wall time one run of a scenario (a trial, a shrink rerun) may take before it is inconclusive"
                    + " and abandoned (default: the horizon plus the target's allowance; 1m on the engine).")
    Duration trialDeadline;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "podcheck-reports",
            description = "Where the JUnit XML, JSON and HTML reports go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = {"-o", "--output"}, defaultValue = "text", paramLabel = "text|json|yaml",
            description = "What standard output gets: text, the summary; json or yaml, the JSON report (as written"
                    + " to --report-dir) and nothing else; progress goes to standard error (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    /** How this invocation shows its results. */
    RunAndReport.Shown shown(CommandLine cli, TargetProvider provider) {
        Set<String> targetOptions = provider.options().stream().map(TargetOption::name).collect(Collectors.toSet());
        return new RunAndReport.Shown(reportDir, output, Rerun.of(cli, targetOptions));
    }
}
