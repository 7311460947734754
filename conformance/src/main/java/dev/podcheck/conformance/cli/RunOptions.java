package dev.podcheck.conformance.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** What every verb that runs scenarios on a target shares: the horizon and where the reports go. */
final class RunOptions {
    @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
            description = "Virtual time each scenario runs for (default: ${DEFAULT-VALUE}).")
    Duration horizon;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "podcheck-reports",
            description = "Where the JUnit XML, JSON and HTML reports go (default: ${DEFAULT-VALUE}).")
    Path reportDir;
}
