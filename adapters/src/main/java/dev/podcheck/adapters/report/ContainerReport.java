package dev.podcheck.adapters.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One line a rendered container writes about itself, the only way a real target tells us what the
 * API cannot: hooks, signals, probe runs, exit codes with exact times. One line per report:
 * <pre>{@code <epochMillis> <container> <instance> <kind> [<detail>]}</pre>
 * for example {@code 1795629765123 app 2 hook-end preStop ok}. {@code instance} counts the
 * container's instances from 0 (kept across restarts in the pod's report volume).
 *
 * @param epochMillis wall-clock time the container saw, in milliseconds since the epoch
 * @param detail      the rest of the line after the kind, empty when there is none
 */
public record ContainerReport(long epochMillis, String container, int instance, Kind kind, String detail) {

    /** What happened. */
    public enum Kind {
        /** The instance's behaviour began (after its startAfter): every behaviour time counts from here. */
        START("start"),
        /** A hook began; detail: postStart or preStop. */
        HOOK_START("hook-start"),
        /** A hook ended; detail: the hook and ok or fail, e.g. "preStop ok". */
        HOOK_END("hook-end"),
        /** The process received SIGTERM. */
        SIGTERM("sigterm"),
        /**
         * An exec or httpGet probe ran; detail: the probe kind and pass or fail, e.g. "readiness fail".
         * tcpSocket probe runs write nothing, and probe lines stay out of the termination message.
         */
        PROBE("probe"),
        /**
         * The process exits; detail: the exit code, followed by the word sigterm when its SIGTERM
         * response made the exit (e.g. "143 sigterm"), alone when it exited by itself.
         */
        EXIT("exit");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    public ContainerReport {
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    /** The line as a container writes it. */
    public String line() {
        return epochMillis + " " + container + " " + instance + " " + kind.word() + (detail.isEmpty() ? "" : " " + detail);
    }

    /**
     * Every well-formed report line of {@code text}, in order. Other lines (a truncated last line,
     * anything else the container printed) are skipped: reports travel through logs and
     * termination messages, which may cut them.
     */
    public static List<ContainerReport> parseAll(String text) {
        List<ContainerReport> reports = new ArrayList<>();
        for (String line : text.split("\n")) {
            ContainerReport r = parse(line);
            if (r != null) {
                reports.add(r);
            }
        }
        return reports;
    }

    /** One line, or null when it is not a report. */
    public static ContainerReport parse(String line) {
        String[] parts = line.strip().split(" ", 5);
        if (parts.length < 4) {
            return null;
        }
        Kind kind = Kind.of(parts[3]);
        try {
            return kind == null ? null
                    : new ContainerReport(Long.parseLong(parts[0]), parts[1], Integer.parseInt(parts[2]), kind,
                            parts.length == 5 ? parts[4] : "");
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
