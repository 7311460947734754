package dev.podcheck.spec.property;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The source of every random decision a generator makes: each decision is a bounded
 * non-negative number, and the numbers drawn are recorded. A generation is replayed from a
 * recorded (possibly edited) sequence; once that runs out every draw returns 0, the simplest
 * choice, so any edited sequence still yields a valid value. This is what the shrinker edits.
 *
 * <p>Stability: experimental.
 */
public final class Choices {
    /** A guard against generators that never stop drawing. */
    static final int MAX_DRAWS = 100_000;

    private final SplittableRandom random;
    private final long[] prefix;
    private long[] recorded = new long[32];
    private int size;

    private Choices(SplittableRandom random, long[] prefix) {
        this.random = random;
        this.prefix = prefix;
    }

    /** Fresh random choices from a seed (never the wall clock): the same seed, the same draws. */
    public static Choices random(long seed) {
        return new Choices(new SplittableRandom(seed), new long[0]);
    }

    /** Replays {@code sequence}; values above a draw's bound are clamped, and draws past its end are 0. */
    public static Choices replay(long[] sequence) {
        return new Choices(null, sequence.clone());
    }

    /** A number in [0, max]; 0 is the simplest. */
    public long draw(long max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative, got " + max);
        }
        long value;
        if (size < prefix.length || random == null) {
            value = size < prefix.length ? Math.min(Math.max(prefix[size], 0), max) : 0;
        } else {
            value = max == Long.MAX_VALUE ? random.nextLong() & Long.MAX_VALUE : random.nextLong(max + 1);
        }
        return record(value);
    }

    /** An index in [0, n); earlier indices are simpler. */
    public int drawIndex(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("need at least one alternative");
        }
        return (int) draw(n - 1L);
    }

    /**
     * An index drawn with the given weights when random; recorded as the index, so shrinking
     * moves toward earlier entries whatever their weight.
     */
    public int drawWeighted(int... weights) {
        if (size < prefix.length || random == null) {
            return drawIndex(weights.length);
        }
        long total = Arrays.stream(weights).asLongStream().sum();
        if (total <= 0) {
            throw new IllegalArgumentException("weights must have a positive sum");
        }
        long ticket = random.nextLong(total);
        int index = 0;
        while (ticket >= weights[index]) {
            ticket -= weights[index];
            index++;
        }
        return (int) record(index);
    }

    /** True with probability {@code pTrue} when random; false (0) is the simpler answer. */
    public boolean drawBoolean(double pTrue) {
        if (size < prefix.length || random == null) {
            return draw(1) == 1;
        }
        return record(random.nextDouble() < pTrue ? 1 : 0) == 1;
    }

    /** The values drawn so far, in order. */
    public long[] recorded() {
        return Arrays.copyOf(recorded, size);
    }

    /** How many values were drawn. */
    public int size() {
        return size;
    }

    private long record(long value) {
        if (size == MAX_DRAWS) {
            throw new IllegalStateException("a generator drew more than " + MAX_DRAWS + " choices");
        }
        if (size == recorded.length) {
            recorded = Arrays.copyOf(recorded, size * 2);
        }
        recorded[size++] = value;
        return value;
    }
}
