package dev.podcheck.spec.behaviour;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and the written form of behaviour durations (Go style: 90s is "1m30s", "500ms", "1.5s"). */
public final class Durations {
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|h|m|s)");

    private Durations() {}

    static void requireNonNegative(String field, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, got " + format(d));
        }
    }

    public static String format(Duration d) {
        long millis = d.toMillis();
        if (millis == 0) {
            return "0s";
        }
        String sign = millis < 0 ? "-" : "";
        millis = Math.abs(millis);
        if (millis < 1000) {
            return sign + millis + "ms";
        }
        StringBuilder out = new StringBuilder(sign);
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        long ms = millis % 60_000;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (ms > 0) {
            out.append(ms % 1000 == 0 ? Long.toString(ms / 1000)
                    : BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString()).append('s');
        }
        return out.toString();
    }

    /**
     * Parses "90s", "1m30s", "500ms", "1.5s", "2h", or a plain number of seconds.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.matches("[0-9]+(\\.[0-9]+)?")) {
            return Duration.ofMillis(new BigDecimal(s).movePointRight(3).longValueExact());
        }
        Matcher m = PART.matcher(s);
        long millis = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            BigDecimal n = new BigDecimal(m.group(1));
            long unit = switch (m.group(2)) {
                case "h" -> 3_600_000;
                case "m" -> 60_000;
                case "s" -> 1000;
                default -> 1;
            };
            millis += n.multiply(BigDecimal.valueOf(unit)).longValue();
            end = m.end();
        }
        if (end == 0 || end != s.length()) {
            throw new IllegalArgumentException("expected a duration like 5s, 1m30s or 500ms, got \"" + text + "\"");
        }
        return Duration.ofMillis(millis);
    }
}
