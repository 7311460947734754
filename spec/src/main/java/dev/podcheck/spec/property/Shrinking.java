package dev.podcheck.spec.property;

/**
 * Shrinks a failing value by editing the choice sequence that generated it, so every candidate is
 * again a value the generator can make. For runners that draw their own trials (the conformance
 * runner); {@link Property} uses it too.
 *
 * <p>Stability: experimental.
 */
public final class Shrinking {
    private Shrinking() {}

    /**
     * The smallest failing value found.
     *
     * @param choices the shrunk choice sequence ({@link Choices#replay} regenerates {@code value})
     * @param failure what the check threw for {@code value}
     */
    public record Shrunk<T>(T value, long[] choices, Throwable failure, int steps, int attempts) {}

    /**
     * @param failing     the choices that generated a failing value
     * @param failure     what the check threw for it
     * @param check       fails (throws) for values that still count as counterexamples
     * @param maxAttempts how many candidates to try at most
     */
    public static <T> Shrunk<T> shrink(Gen<T> gen, long[] failing, Throwable failure, Property.Check<? super T> check,
                                       int maxAttempts) {
        Shrinker shrinker = new Shrinker(candidate -> {
            Choices replay = Choices.replay(candidate);
            T value;
            try {
                value = gen.generate(replay);
            } catch (RuntimeException e) {
                // A generator that cannot use this sequence is not a counterexample.
                return new Shrinker.Outcome(false, replay.recorded(), null);
            }
            Throwable f = Property.run(check, value);
            return new Shrinker.Outcome(f != null, replay.recorded(), f);
        }, maxAttempts);
        Shrinker.Result result = shrinker.shrink(failing, failure);
        T shrunk = gen.generate(Choices.replay(result.choices()));
        return new Shrunk<>(shrunk, result.choices(), result.failure(), result.steps(), result.attempts());
    }
}
