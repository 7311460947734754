package dev.podcheck.spec.property;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Shrinks a failing choice sequence: deletes spans (8, 4, 2, 1 choices), zeroes spans, lowers
 * single values by binary search, and moves value from an earlier choice to a later one (so a
 * sum can collect in one element). Passes repeat until none improves or the attempts run out.
 * A candidate is kept only if the property still fails and the choices it consumed are
 * shortlex-smaller (shorter, then lexicographically smaller) than the current ones; that order
 * makes every kept step progress, so shrinking ends.
 */
final class Shrinker {
    private static final int[] SPANS = {8, 4, 2, 1};
    /** How far apart two choices may be for the redistribution pass. */
    private static final int PAIR_DISTANCE = 8;

    /** What running the property on a candidate sequence gave. */
    record Outcome(boolean fails, long[] consumed, Throwable failure) {}

    /** The smallest failing sequence found, with its failure and the work it took. */
    record Result(long[] choices, Throwable failure, int steps, int attempts) {}

    private final Function<long[], Outcome> test;
    private final int maxAttempts;
    private long[] current;
    private Throwable failure;
    private int steps;
    private int attempts;

    Shrinker(Function<long[], Outcome> test, int maxAttempts) {
        this.test = test;
        this.maxAttempts = maxAttempts;
    }

    Result shrink(long[] failing, Throwable originalFailure) {
        current = failing.clone();
        failure = originalFailure;
        boolean improved = true;
        while (improved && attempts < maxAttempts) {
            improved = deleteSpans() | zeroSpans() | lowerValues() | redistribute();
        }
        return new Result(current.clone(), failure, steps, attempts);
    }

    private boolean deleteSpans() {
        boolean improved = false;
        for (int k : SPANS) {
            for (int i = current.length - k; i >= 0; i--) {
                if (i + k <= current.length) {
                    long[] candidate = new long[current.length - k];
                    System.arraycopy(current, 0, candidate, 0, i);
                    System.arraycopy(current, i + k, candidate, i, current.length - i - k);
                    improved |= tryCandidate(candidate);
                }
            }
        }
        return improved;
    }

    private boolean zeroSpans() {
        boolean improved = false;
        for (int k : SPANS) {
            for (int i = 0; i + k <= current.length; i++) {
                long[] candidate = current.clone();
                Arrays.fill(candidate, i, i + k, 0);
                improved |= tryCandidate(candidate);
            }
        }
        return improved;
    }

    private boolean lowerValues() {
        boolean improved = false;
        for (int i = 0; i < current.length; i++) {
            improved |= lower(i);
        }
        return improved;
    }

    /** Binary search for the smallest value at {@code i} that still fails. */
    private boolean lower(int i) {
        if (current[i] == 0) {
            return false;
        }
        if (tryCandidate(with(current, i, 0))) {
            return true;
        }
        long lo = 0;
        long hi = current[i];
        int length = current.length;
        boolean improved = false;
        // Stop when a kept candidate changed the structure: position i may mean something else now.
        while (lo + 1 < hi && attempts < maxAttempts && current.length == length && current[i] == hi) {
            long mid = lo + (hi - lo) / 2;
            if (tryCandidate(with(current, i, mid))) {
                hi = mid;
                improved = true;
            } else {
                lo = mid;
            }
        }
        return improved;
    }

    /** Moves all, then half, of an earlier choice's value onto a later nearby choice. */
    private boolean redistribute() {
        boolean improved = false;
        for (int i = 0; i < current.length; i++) {
            for (int j = i + 1; j < Math.min(current.length, i + 1 + PAIR_DISTANCE); j++) {
                long v = current[i];
                if (v == 0) {
                    break;
                }
                for (long amount : new long[] {v, (v + 1) / 2}) {
                    long[] candidate = current.clone();
                    candidate[i] -= amount;
                    candidate[j] = saturatingAdd(candidate[j], amount);
                    if (tryCandidate(candidate)) {
                        improved = true;
                        break;
                    }
                }
            }
        }
        return improved;
    }

    private boolean tryCandidate(long[] candidate) {
        if (attempts >= maxAttempts || !shortlexLess(candidate, current)) {
            return false;
        }
        attempts++;
        Outcome outcome = test.apply(candidate);
        if (outcome.fails() && shortlexLess(outcome.consumed(), current)) {
            current = outcome.consumed();
            failure = outcome.failure();
            steps++;
            return true;
        }
        return false;
    }

    static boolean shortlexLess(long[] a, long[] b) {
        if (a.length != b.length) {
            return a.length < b.length;
        }
        return Arrays.compare(a, b) < 0;
    }

    private static long[] with(long[] base, int i, long value) {
        long[] copy = base.clone();
        copy[i] = value;
        return copy;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
