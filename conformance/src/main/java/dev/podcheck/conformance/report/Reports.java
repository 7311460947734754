package dev.podcheck.conformance.report;

import dev.podcheck.conformance.audit.AuditResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.versions.VersionDiffResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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

    /**
     * Writes the three reports into {@code dir}, creating it; returns the files written, in the order
     * above. Each is written under a temporary name and renamed over the old one, so a reader (a CI
     * step, a browser) sees a whole report or none, never half of one.
     */
    public static List<Path> writeAll(RunResult run, Path dir) {
        try {
            Files.createDirectories(dir);
            return List.of(
                    atomically(dir.resolve(JUNIT), JUnitReport.toXml(run)),
                    atomically(dir.resolve(JSON), JsonReport.toJson(run)),
                    atomically(dir.resolve(HTML), HtmlReport.toHtml(run)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes an audit's three reports into {@code dir} as {@link #writeAll(RunResult, Path)} writes a run's. */
    public static List<Path> writeAll(AuditResult audit, Path dir) {
        try {
            Files.createDirectories(dir);
            return List.of(
                    atomically(dir.resolve(JUNIT), AuditJUnit.toXml(audit)),
                    atomically(dir.resolve(JSON), AuditJson.toJson(audit)),
                    atomically(dir.resolve(HTML), AuditHtml.toHtml(audit)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Writes a {@code diff-versions} comparison's JSON and HTML reports into {@code dir}, each atomically. */
    public static List<Path> writeAll(VersionDiffResult diff, Path dir) {
        try {
            Files.createDirectories(dir);
            return List.of(
                    atomically(dir.resolve(JSON), VersionDiffJson.toJson(diff)),
                    atomically(dir.resolve(HTML), VersionDiffHtml.toHtml(diff)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes an earlier run's reports from {@code dir}, before a run starts: a run that then dies
     * (killed, out of memory, the target unusable) must not leave the last green reports looking
     * like its own.
     */
    public static void clear(Path dir) {
        try {
            for (String name : List.of(JUNIT, JSON, HTML)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier reports in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path atomically(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        try {
            return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }
}
