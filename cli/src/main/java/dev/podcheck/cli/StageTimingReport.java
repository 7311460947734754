package dev.podcheck.cli;

import dev.podcheck.conformance.runner.StageTimes;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The run's time by stage, after its summary: where a slow run spends it (drawing scenarios, defaulting
 * them, the target, the invariants), summed over the trial threads, with the cost of one trial in each.
 */
final class StageTimingReport {
    private StageTimingReport() {}

    static void print(StageTimes.Split split, PrintWriter out) {
        if (split.trials() == 0) {
            return;
        }
        Duration total = split.total();
        out.println(String.format(Locale.ROOT, "time by stage (summed over trial threads): %s, %s, %s, %s",
                stage("generate", split.generate(), total, split.trials()), stage("default", split.admit(), total, split.trials()),
                stage("target", split.run(), total, split.trials()), stage("evaluate", split.evaluate(), total, split.trials())));
    }

    private static String stage(String name, Duration time, Duration total, int trials) {
        double percent = total.isZero() ? 0 : 100.0 * time.toNanos() / total.toNanos();
        return String.format(Locale.ROOT, "%s %.2f s (%.0f%%, %.0f us/trial)", name, time.toNanos() / 1e9, percent,
                time.toNanos() / 1e3 / trials);
    }
}
