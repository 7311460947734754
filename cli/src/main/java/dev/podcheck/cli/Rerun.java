package dev.podcheck.cli;

import dev.podcheck.conformance.runner.RerunOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options an invocation was given that change what runs, as written, for the replay command in
 * the reports. Options that only decide how much runs or where results go (--trials, --seed, --parallel,
 * --budget, --report-dir, -o) are left out: the replay sets seed and trials itself.
 */
final class Rerun {
    /** What the replay repeats wherever it runs: how long, and the target's own options (its cluster, its version). */
    private static final Set<String> COMMON = Set.of("--horizon");
    /** What decides which pods {@code podcheck run} draws and how it shrinks them. */
    private static final Set<String> GENERATION = Set.of("--max-containers", "--max-init-containers", "--max-sidecars",
            "--probe-percent", "--invariant", "--shrink-attempts");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private Rerun() {}

    static RerunOptions of(CommandLine cli, Set<String> targetOptions) {
        List<String> common = new ArrayList<>();
        List<String> generation = new ArrayList<>();
        for (OptionSpec option : cli.getParseResult().matchedOptions()) {
            String name = option.longestName();
            if (COMMON.contains(name) || targetOptions.contains(name)) {
                common.addAll(written(option));
            } else if (GENERATION.contains(name)) {
                generation.addAll(written(option));
            }
        }
        return new RerunOptions(common, generation);
    }

    private static List<String> written(OptionSpec option) {
        if (option.arity().max() == 0) {
            return List.of(option.longestName());
        }
        return option.originalStringValues().stream().map(v -> option.longestName() + " " + quoted(v)).toList();
    }

    /** A value as a POSIX shell reads it back. */
    static String quoted(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
