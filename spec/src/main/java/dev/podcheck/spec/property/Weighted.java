package dev.podcheck.spec.property;

/**
 * One alternative of {@link Gen#frequency}: a generator and its relative weight.
 *
 * <p>Stability: experimental.
 */
public record Weighted<T>(int weight, Gen<? extends T> gen) {
    public Weighted {
        if (weight < 0 || gen == null) {
            throw new IllegalArgumentException("a weighted alternative needs a generator and a weight >= 0");
        }
    }

    public static <T> Weighted<T> of(int weight, Gen<? extends T> gen) {
        return new Weighted<>(weight, gen);
    }

    /** A constant alternative. */
    public static <T> Weighted<T> just(int weight, T value) {
        return new Weighted<>(weight, Gen.constant(value));
    }
}
