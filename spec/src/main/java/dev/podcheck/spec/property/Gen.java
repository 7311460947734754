package dev.podcheck.spec.property;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * A generator: turns choices into a value. Every combinator maps choice 0 to its simplest
 * value, so the shrinker, which only makes choice sequences shorter and smaller, makes values
 * simpler. There is no {@code filter}: rejecting values would break the promise that every
 * edited choice sequence yields a value; build valid values by construction instead.
 *
 * <p>Stability: experimental.
 */
@FunctionalInterface
public interface Gen<T> {

    T generate(Choices choices);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return c -> f.apply(generate(c));
    }

    default <R> Gen<R> flatMap(Function<? super T, ? extends Gen<? extends R>> f) {
        return c -> f.apply(generate(c)).generate(c);
    }

    /** This generator's value, or null (the simpler case) with probability {@code 1 - pPresent}. */
    default Gen<T> orNull(double pPresent) {
        return c -> c.drawBoolean(pPresent) ? generate(c) : null;
    }

    static <T> Gen<T> constant(T value) {
        return c -> value;
    }

    /** Integers in [min, max], shrinking toward min. */
    static Gen<Integer> integers(int min, int max) {
        return integers(min, max, min);
    }

    /** Integers in [min, max], shrinking toward {@code simplest}. */
    static Gen<Integer> integers(int min, int max, int simplest) {
        return longs(min, max, simplest).map(Long::intValue);
    }

    /** Longs in [min, max] (max - min must not overflow), shrinking toward min. */
    static Gen<Long> longs(long min, long max) {
        return longs(min, max, min);
    }

    /**
     * Longs in [min, max], shrinking toward {@code simplest}: a direction (0 = up) is drawn only
     * when both sides exist, then the distance from {@code simplest}.
     */
    static Gen<Long> longs(long min, long max, long simplest) {
        if (min > max || simplest < min || simplest > max || max - min < 0) {
            throw new IllegalArgumentException("need min <= simplest <= max, got " + min + ", " + simplest + ", " + max);
        }
        long above = max - simplest;
        long below = simplest - min;
        return c -> {
            boolean down = above == 0 || (below > 0 && c.drawBoolean((double) below / (below + above)));
            return down ? simplest - c.draw(below) : simplest + c.draw(above);
        };
    }

    static Gen<Boolean> booleans() {
        return c -> c.draw(1) == 1;
    }

    /** One of the generators; earlier ones are simpler. */
    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        // Copied element by element: the varargs array itself never escapes (javac -Xlint:varargs).
        List<Gen<? extends T>> list = new ArrayList<>();
        for (Gen<? extends T> gen : gens) {
            list.add(gen);
        }
        return c -> list.get(c.drawIndex(list.size())).generate(c);
    }

    /** One of the values; earlier ones are simpler. Null values are allowed. */
    @SafeVarargs
    static <T> Gen<T> elements(T... values) {
        List<T> list = new ArrayList<>();
        for (T value : values) {
            list.add(value);
        }
        return elements(Collections.unmodifiableList(list));
    }

    static <T> Gen<T> elements(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("elements needs at least one value");
        }
        return c -> values.get(c.drawIndex(values.size()));
    }

    /**
     * One alternative drawn by weight (to bias toward or away from edge cases). Shrinking moves
     * toward earlier alternatives, whatever their weight: list the simplest first.
     */
    @SafeVarargs
    static <T> Gen<T> frequency(Weighted<? extends T>... alternatives) {
        List<Weighted<? extends T>> list = new ArrayList<>();
        for (Weighted<? extends T> alternative : alternatives) {
            list.add(alternative);
        }
        int[] weights = list.stream().mapToInt(Weighted::weight).toArray();
        return c -> list.get(c.drawWeighted(weights)).gen().generate(c);
    }

    /**
     * Lists of min to max elements. Past the minimum, a "one more element?" choice precedes
     * each element, so deleting a span of choices removes whole elements and the list stays valid.
     */
    static <T> Gen<List<T>> listOf(Gen<? extends T> element, int min, int max) {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("need 0 <= min <= max, got " + min + ", " + max);
        }
        double extra = Math.min(max - min, 8) / 2.0;
        double pMore = extra / (extra + 1);
        return c -> {
            List<T> out = new ArrayList<>();
            while (out.size() < min) {
                out.add(element.generate(c));
            }
            while (out.size() < max && c.drawBoolean(pMore)) {
                out.add(element.generate(c));
            }
            return Collections.unmodifiableList(out);
        };
    }
}
