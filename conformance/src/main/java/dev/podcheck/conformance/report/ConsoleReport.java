package dev.podcheck.conformance.report;

import dev.podcheck.conformance.runner.InvariantResult;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * What a person sees while trials run: progress, on standard error as kubectl shows its progress,
 * so that standard output holds only the summary ({@link #summaryText}) or the report asked for.
 *
 * <p>On a terminal the progress is one line redrawn with a carriage return each time the percentage
 * moves; elsewhere (CI logs, pipes) a carriage return would pile up as garbage, so a plain line is
 * printed at every tenth of the run instead. Progress is told from the runner's threads, which may
 * tell it out of order (trial 6 before trial 5): a count below one already shown is dropped, so the
 * bar never moves backwards.
 *
 * <p>Stability: experimental; the layout may change, the JSON report is the stable form.
 */
public final class ConsoleReport implements Runner.Progress {
    private static final int BAR_WIDTH = 30;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private int lastShown = -1;
    private int lastDone = -1;
    private boolean lineOpen;

    /**
     * @param terminal  redraw one line with carriage returns (a terminal) or print plain lines
     * @param nanoClock {@code System::nanoTime} outside tests; only used for trials per second
     */
    public ConsoleReport(PrintWriter out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    @Override
    public synchronized void trialDone(int done, int total) {
        if (done <= lastDone) {
            return;
        }
        lastDone = done;
        int shown = total == 0 ? 100 : (int) (100L * done / total);
        // A terminal redraws at every percent, a log gets a line at every tenth: 10 lines a run.
        boolean due = terminal ? shown != lastShown : shown / 10 > Math.max(lastShown, 0) / 10;
        if (!due) {
            return;
        }
        lastShown = shown;
        if (terminal) {
            out.print("\r" + bar(done, total, shown));
            lineOpen = done < total;
            if (!lineOpen) {
                out.println();
            }
        } else {
            out.println(String.format(Locale.ROOT, "podcheck: %d/%d trials (%d%%), %s", done, total, shown,
                    rate(done)));
        }
        out.flush();
    }

    /** Ends an open progress line: a run stopped by its budget never reaches 100%. */
    public synchronized void finish() {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        out.flush();
    }

    /**
     * One violated invariant of a run in full, as the summary shows it: the rule, where it was found,
     * {@code replay} (how to run it again where the caller runs it), the message, the witness, the
     * shrunk pod and its timeline.
     */
    public static String violationText(RunResult result, InvariantResult violated, String replay) {
        StringBuilder out = new StringBuilder();
        ConsoleSummary.violation(result, violated, replay, out);
        return out.toString().strip();
    }

    /** The summary of a finished run, for standard output. */
    public static String summaryText(RunResult result) {
        return ConsoleSummary.render(result);
    }

    private String bar(int done, int total, int percent) {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        return String.format(Locale.ROOT, "[%s%s] %d/%d %3d%% %s", "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                done, total, percent, rate(done));
    }

    private String rate(int done) {
        double seconds = (nanoClock.getAsLong() - startedNanos) / 1e9;
        return seconds <= 0 ? "-- trials/s" : String.format(Locale.ROOT, "%.1f trials/s", done / seconds);
    }
}
