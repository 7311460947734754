package dev.podcheck.spec.behaviour;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks and the written form of behaviour durations (Go style: 90s is "1m30s", "500ms", "1.5s"). */
public final class Durations {
    private static final Pattern PART = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|h|m|s)");

    /**
     * The longest duration a scenario may write (about 14 months): far past any horizon, and small enough
     * that sums of thousands of them stay exact in milliseconds.
     */
    public static final Duration MAX = Duration.ofHours(10_000);
    /** Longer text is no duration a person writes; refused before any number is read from it. */
    private static final int MAX_LENGTH = 64;

    private Durations() {}

    static void requireNonNegative(String field, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(field + " must not be negative, got " + format(d));
        }
    }

    public static String format(Duration d) {
        if (d.isNegative()) {
            // Duration's own negation overflows only at its most negative value, which no input reaches.
            return "-" + format(d.negated());
        }
        // From seconds and the millisecond of the second: a grace of Long.MAX_VALUE seconds has no long of millis.
        long seconds = d.getSeconds();
        long millisOfSecond = d.getNano() / 1_000_000;
        if (seconds == 0) {
            return millisOfSecond + (millisOfSecond == 0 ? "s" : "ms");
        }
        StringBuilder out = new StringBuilder();
        long hours = seconds / 3600;
        long minutes = seconds / 60 % 60;
        long ms = seconds % 60 * 1000 + millisOfSecond;
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
     * {@link #parse} for a setting that must take some time (a timeout, a horizon).
     *
     * @throws IllegalArgumentException naming the expected form, or saying it must be longer than 0s
     */
    public static Duration parsePositive(String text) {
        Duration d = parse(text);
        if (d.isZero()) {
            throw new IllegalArgumentException("must be longer than 0s, got \"" + text + "\"");
        }
        return d;
    }

    /**
     * Parses "90s", "1m30s", "500ms", "1.5s", "2h", or a plain number of seconds.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static Duration parse(String text) {
        String s = text.trim();
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("expected a duration like 5s, 1m30s or 500ms, got " + s.length() + " characters");
        }
        BigDecimal millis = BigDecimal.ZERO;
        if (s.matches("[0-9]+(\\.[0-9]+)?")) {
            millis = new BigDecimal(s).movePointRight(3);
        } else {
            Matcher m = PART.matcher(s);
            int end = 0;
            while (m.find() && m.start() == end) {
                long unit = switch (m.group(2)) {
                    case "h" -> 3_600_000;
                    case "m" -> 60_000;
                    case "s" -> 1000;
                    default -> 1;
                };
                millis = millis.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit)));
                end = m.end();
            }
            if (end == 0 || end != s.length()) {
                throw new IllegalArgumentException("expected a duration like 5s, 1m30s or 500ms, got \"" + text + "\"");
            }
        }
        // Summed exactly, then bounded, so that no later addition of times can wrap around.
        if (millis.compareTo(BigDecimal.valueOf(MAX.toMillis())) > 0) {
            throw new IllegalArgumentException("a duration must be at most " + format(MAX) + ", got \"" + text + "\"");
        }
        return Duration.ofMillis(millis.longValue());
    }
}
