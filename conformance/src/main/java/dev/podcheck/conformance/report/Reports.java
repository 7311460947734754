package dev.podcheck.conformance.report;

import dev.podcheck.conformance.runner.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a run's file reports for CI: {@value #JUNIT}, {@value #JSON} and {@value #HTML}, all UTF-8,
 * replacing earlier ones. The console report is printed, not written ({@link ConsoleReport}).
 *
 * <p>Stability: experimental; the file names are stable.
 */
public final class Reports {
    public static final String JUNIT = "podcheck-report.xml";
    public static final String JSON = "podcheck-report.json";
    public static final String HTML = "podcheck-report.html";
    /** Where the command line writes them unless told otherwise, relative to the working directory. */
    public static final Path DEFAULT_DIR = Path.of("podcheck-reports");

    private Reports() {}

    /** Writes the three reports into {@code dir}, creating it; returns the files written, in the order above. */
    public static List<Path> writeAll(RunResult run, Path dir) {
        try {
            Files.createDirectories(dir);
            return List.of(
                    Files.writeString(dir.resolve(JUNIT), JUnitReport.toXml(run), StandardCharsets.UTF_8),
                    Files.writeString(dir.resolve(JSON), JsonReport.toJson(run), StandardCharsets.UTF_8),
                    Files.writeString(dir.resolve(HTML), HtmlReport.toHtml(run), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
    }
}
