package dev.podcheck.cli.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Edits a manifest the way a fuzzer or a careless user would: hostile values where scalars were, lines
 * dropped, repeated or re-indented, list items multiplied, anchors and aliases, deep nesting, stray bytes.
 * The edits work on text, so they reach the scenario annotation as well as the pod.
 */
final class Mutations {
    /** Values that have broken readers: nulls, wrong types, numbers past every range, names that escape. */
    static final List<String> HOSTILE_VALUES = List.of(
            "null", "~", "\"\"", "[]", "{}", "[null]", "{a: null}", "true", "-1", "0", "1.5", "-0.0",
            "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "99999999999999999999999999999", "1e400", "1e-400", "-1e400", "1e2147483647",
            "99999999999Ei", "8Ei", "9223372036854775807Ei", "0.000000000001m", "1e18", "7Ei",
            "99999999999999999999s", "9223372036854775807ms", "106751991167300d", "-5s", "1h1h", "0s", "1ns",
            "\"\\e[31mred\\e[0m\"", "\"../../etc/passwd\"", "\"a/b\"", "\"\\0\"", "\"\\u202e\"", "\"\\a\\b\\r\"",
            "\"" + "a".repeat(300) + "\"", "!!binary AAAA", "!!set {a}", "&x 1", "*nope", "always", "never", "ignore",
            "[{from: 1s, until: 0s}]", "[{from: 9223372036854775807ms}]", "{after: 1e400s, code: -1}",
            "{exitAfter: 99999999999999999999s, code: 256}");

    /** Values at the edges of their own kind, which keep a pod readable and reach the engine and the renderer. */
    private static final List<String> EDGE_INTEGERS = List.of("0", "1", "2147483647", "9223372036854775807", "-1", "-9223372036854775808");
    private static final List<String> EDGE_DURATIONS = List.of("0s", "1ms", "10000h", "9999h59m59.999s", "0.001s", "1h1m1s");
    private static final List<String> EDGE_QUANTITIES = List.of("0", "1n", "1e23", "8Ei", "99999999999Ei", "999999999999999999999999m",
            "0.000000001", "7.5Ei");

    private static final List<String> KEYS = List.of(
            "name", "image", "containers", "initContainers", "restartPolicy", "resources", "limits", "requests",
            "memory", "cpu", "readinessGates", "conditionType", "terminationGracePeriodSeconds",
            "activeDeadlineSeconds", "livenessProbe", "readinessProbe", "startupProbe", "periodSeconds",
            "failureThreshold", "exec", "command", "lifecycle", "preStop", "postStart", "sleep", "seconds",
            "times", "exit", "after", "code", "startAfter", "readiness", "liveness", "startup", "from", "until",
            "onSigterm", "exitAfter", "events", "deletePod", "at", "gracePeriodSeconds", "force",
            "nodeMemoryPressure", "allocatable", "evictionThreshold", "bytes", "takes", "fails", "annotations");

    private static final long MAX_GROWTH = 4L << 20;

    private final Random random;

    Mutations(long seed) {
        this.random = new Random(seed);
    }

    /** One or two edits of {@code text}: more, and nearly every input stops at reading. */
    String mutate(String text) {
        String result = text;
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            result = edit(result);
        }
        return result;
    }

    private String edit(String text) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        switch (random.nextInt(18)) {
            case 0, 1, 2, 12, 13, 14 -> lines.set(at, withValue(line, pick(HOSTILE_VALUES)));
            case 15, 16, 17 -> lines.set(at, withEdgeValue(line));
            case 3 -> lines.remove(at);
            case 4 -> lines.add(at, line);
            case 5 -> lines.set(at, " ".repeat(random.nextInt(8)) + line.strip());
            case 6 -> multiply(lines, at);
            case 7 -> lines.set(at, withKey(line, pick(KEYS)));
            case 8 -> lines.set(at, withValue(line, nested()));
            case 9 -> lines.set(at, insert(line, String.valueOf((char) random.nextInt(0x20))));
            case 10 -> lines.set(at, withValue(line, "&a " + pick(HOSTILE_VALUES)) + "\n" + indentOf(line) + "x-alias: *a");
            default -> {
                return text.substring(0, random.nextInt(text.length() + 1));
            }
        }
        return String.join("\n", lines);
    }

    /** The line's value replaced by an edge value of its own kind (an integer, a duration, a quantity), if it has one. */
    private String withEdgeValue(String line) {
        String value = line.substring(line.lastIndexOf(' ') + 1);
        if (value.matches("-?[0-9]+")) {
            return withValue(line, pick(EDGE_INTEGERS));
        }
        if (value.matches("[0-9.hms]+")) {
            return withValue(line, pick(EDGE_DURATIONS));
        }
        if (value.matches("[0-9.]+[a-zA-Z]+")) {
            return withValue(line, pick(EDGE_QUANTITIES));
        }
        return line;
    }

    /** A list item (or any line and what is indented under it) written many times over. */
    private void multiply(List<String> lines, int at) {
        int indent = indentOf(lines.get(at)).length();
        int end = at + 1;
        while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)).length() > indent)) {
            end++;
        }
        List<String> block = List.copyOf(lines.subList(at, end));
        long blockChars = block.stream().mapToLong(line -> line.length() + 1).sum();
        int copies = random.nextBoolean() ? 2 + random.nextInt(20) : 1_000 + random.nextInt(30_000);
        // A little past the 3 MiB input limit is enough to cross it; more only costs the fuzzer memory.
        copies = (int) Math.max(1, Math.min(copies, MAX_GROWTH / blockChars));
        List<String> many = new ArrayList<>();
        for (int i = 0; i < copies && many.size() < 200_000; i++) {
            many.addAll(block);
        }
        lines.addAll(end, many);
    }

    private String nested() {
        int depth = random.nextBoolean() ? 1 + random.nextInt(20) : 1_000 + random.nextInt(10_000);
        String open = random.nextBoolean() ? "[" : "{a: ";
        String close = open.equals("[") ? "]" : "}";
        return open.repeat(depth) + close.repeat(depth);
    }

    private String withValue(String line, String value) {
        int colon = line.indexOf(": ");
        if (colon >= 0) {
            return line.substring(0, colon + 2) + value;
        }
        int dash = line.indexOf("- ");
        return dash >= 0 ? line.substring(0, dash + 2) + value : line + " " + value;
    }

    private String withKey(String line, String key) {
        int colon = line.indexOf(':');
        String indent = indentOf(line);
        return colon < 0 ? indent + key + ": " + line.strip() : indent + key + line.substring(colon);
    }

    private String insert(String line, String what) {
        int at = random.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }

    private static String indentOf(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '-')) {
            i++;
        }
        return " ".repeat(i);
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
