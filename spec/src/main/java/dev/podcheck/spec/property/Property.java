package dev.podcheck.spec.property;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs a property over generated values from plain JUnit 5:
 * <pre>{@code
 * Property.forAll(ScenarioGen.scenarios())
 *         .trials(500).seed(42)
 *         .renderedWith(ScenarioWriter::toYaml)
 *         .check(s -> assertThat(...));
 * }</pre>
 * A trial fails when the check throws (an AssertionError or any exception) or, for
 * {@link #checkThat}, returns false. The failing value is shrunk and reported in an
 * AssertionError that names the seed, the trial and how to replay: the system property
 * {@value #SEED_PROPERTY} overrides the seed given here. Without a seed the run draws one,
 * and prints it on failure. The same seed gives the same values.
 *
 * <p>Stability: experimental.
 */
public final class Property<T> {
    /** The system property that replays a run: {@code -Dpodcheck.seed=<seed>}. */
    public static final String SEED_PROPERTY = "podcheck.seed";
    public static final int DEFAULT_TRIALS = 100;
    public static final int DEFAULT_MAX_SHRINK_ATTEMPTS = 2000;

    /** A check that may throw, as assertions do. */
    @FunctionalInterface
    public interface Check<T> {
        void verify(T value) throws Exception;
    }

    private final Gen<T> gen;
    private final int trials;
    private final Long seed;
    private final int maxShrinkAttempts;
    private final Function<? super T, String> renderer;

    private Property(Gen<T> gen, int trials, Long seed, int maxShrinkAttempts, Function<? super T, String> renderer) {
        this.gen = gen;
        this.trials = trials;
        this.seed = seed;
        this.maxShrinkAttempts = maxShrinkAttempts;
        this.renderer = renderer;
    }

    public static <T> Property<T> forAll(Gen<T> gen) {
        return new Property<>(gen, DEFAULT_TRIALS, null, DEFAULT_MAX_SHRINK_ATTEMPTS, String::valueOf);
    }

    public Property<T> trials(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("trials must be at least 1, got " + n);
        }
        return new Property<>(gen, n, seed, maxShrinkAttempts, renderer);
    }

    /** The seed, unless {@value #SEED_PROPERTY} is set, which wins so any run can be replayed. */
    public Property<T> seed(long value) {
        return new Property<>(gen, trials, value, maxShrinkAttempts, renderer);
    }

    public Property<T> maxShrinkAttempts(int n) {
        return new Property<>(gen, trials, seed, Math.max(0, n), renderer);
    }

    /** How a counterexample is printed, e.g. {@code ScenarioWriter::toYaml}. */
    public Property<T> renderedWith(Function<? super T, String> value) {
        return new Property<>(gen, trials, seed, maxShrinkAttempts, value);
    }

    /** Checks every trial; throws an AssertionError describing the shrunk counterexample. */
    public void check(Check<? super T> check) {
        Optional<Counterexample<T>> found = findCounterexample(check);
        if (found.isPresent()) {
            Counterexample<T> c = found.get();
            AssertionError error = new AssertionError(describe(c), c.failure());
            if (c.originalFailure() != c.failure()) {
                error.addSuppressed(c.originalFailure());
            }
            throw error;
        }
    }

    /** Checks a predicate on every trial; false is a failure. */
    public void checkThat(Predicate<? super T> predicate) {
        check(asCheck(predicate));
    }

    /** Runs the trials; the first failure, shrunk, or empty when every trial passes. */
    public Optional<Counterexample<T>> findCounterexample(Check<? super T> check) {
        long runSeed = resolveSeed();
        SplittableRandom seeds = new SplittableRandom(runSeed);
        for (int trial = 1; trial <= trials; trial++) {
            Choices choices = Choices.random(seeds.nextLong());
            T value = gen.generate(choices);
            Throwable failure = run(check, value);
            if (failure != null) {
                return Optional.of(shrink(check, runSeed, trial, value, choices.recorded(), failure));
            }
        }
        return Optional.empty();
    }

    /** The message of the AssertionError {@link #check} throws. */
    public String describe(Counterexample<T> c) {
        return "Property failed (seed " + c.seed() + ", trial " + c.trial() + " of " + trials + "), shrunk in "
                + c.shrinkSteps() + " steps (" + c.shrinkAttempts() + " attempts).\n"
                + "Shrunk counterexample:\n" + render(c.value()) + "\n"
                + "Failure of the shrunk counterexample:\n" + c.failure() + "\n"
                + "(the original failure, with its full stack trace, is attached as suppressed)\n"
                + "Replay: run the test again with -D" + SEED_PROPERTY + "=" + c.seed()
                + " (the system property overrides the seed given in code).";
    }

    static <T> Check<T> asCheck(Predicate<? super T> predicate) {
        return value -> {
            if (!predicate.test(value)) {
                throw new AssertionError("predicate returned false");
            }
        };
    }

    private Counterexample<T> shrink(Check<? super T> check, long runSeed, int trial, T original,
                                     long[] recorded, Throwable failure) {
        Shrinking.Shrunk<T> result = Shrinking.shrink(gen, recorded, failure, check, maxShrinkAttempts);
        return new Counterexample<>(runSeed, trial, result.value(), original, result.failure(), failure, result.steps(),
                result.attempts(), Arrays.stream(result.choices()).boxed().collect(Collectors.toList()));
    }

    static <T> Throwable run(Check<? super T> check, T value) {
        try {
            check.verify(value);
            return null;
        } catch (Exception | AssertionError e) {
            return e;
        }
    }

    private String render(T value) {
        try {
            return renderer.apply(value);
        } catch (RuntimeException e) {
            return String.valueOf(value) + " (the renderer failed: " + e + ")";
        }
    }

    private long resolveSeed() {
        String property = System.getProperty(SEED_PROPERTY);
        if (property != null && !property.isBlank()) {
            try {
                return Long.parseLong(property.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, got \"" + property + "\"", e);
            }
        }
        // Only the seed is random; everything after it is derived from it and printed on failure.
        return seed != null ? seed : ThreadLocalRandom.current().nextLong();
    }
}
