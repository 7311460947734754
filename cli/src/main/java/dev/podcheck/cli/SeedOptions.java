package dev.podcheck.cli;

import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Option;

/** {@code --seed}: fixed for reproducible runs; when absent a fresh one is drawn and printed. */
final class SeedOptions {
    @Option(names = "--seed", description = "Seed of the run; the same seed gives the same scenarios (default: random, printed).")
    Long seed;

    private long drawn;

    /** Whether the seed was drawn at random: the user needs to be told it to run the same again. */
    boolean drawn() {
        return seed == null;
    }

    long value() {
        if (seed == null) {
            if (drawn == 0) {
                drawn = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
            }
            return drawn;
        }
        return seed;
    }
}
