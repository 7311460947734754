package dev.podcheck.cli.fuzz;

import dev.podcheck.cli.Podcheck;
import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;

/**
 * What the command line answered to one input, and how long it took: in wall time, and in the CPU time of
 * the whole JVM (every thread of the verb, and the collector's).
 */
record CliAnswer(int exit, String out, String err, Duration took, Duration cpu) {
    /**
     * The fuzz test's bound per input, the "more than 5 s", on the work done: CPU time, which other
     * builds on the machine do not inflate (on 2 shared cores a 1 s input took 7 s of wall time, twice).
     */
    static final Duration SLOW = Duration.ofSeconds(5);
    /** A verb that waits instead of working (a hang) is caught by wall time, with room for a loaded machine. */
    static final Duration HUNG = Duration.ofSeconds(60);
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** Runs {@code podcheck args...} in this JVM, through the same entry point as the launcher. */
    static CliAnswer of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        long cpuStart = OS.getProcessCpuTime();
        int exit = Podcheck.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliAnswer(exit, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start),
                Duration.ofNanos(OS.getProcessCpuTime() - cpuStart));
    }

    /** Why this answer is a defect: an internal error, a stack trace, or a raw control character reaching the terminal. */
    Optional<String> defect() {
        String all = out + err;
        if (exit == 4 || all.contains("internal error")) {
            return Optional.of("internal error (exit " + exit + "): " + firstLine(err));
        }
        if (all.contains("Exception") || all.contains("\tat ") || all.contains("\n    at ")) {
            return Optional.of("a stack trace or exception name: " + firstLine(err.isEmpty() ? out : err));
        }
        if (exit != 0 && exit != 1 && exit != 2 && exit != 3 && exit != 5) {
            return Optional.of("unexpected exit " + exit);
        }
        if (all.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c < 0xa0)) {
            return Optional.of("a raw control character in the output: " + firstLine(err));
        }
        return Optional.empty();
    }

    boolean slow() {
        return cpu.compareTo(SLOW) > 0 || took.compareTo(HUNG) > 0;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
