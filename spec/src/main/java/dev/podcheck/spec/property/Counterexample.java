package dev.podcheck.spec.property;

import java.util.List;

/**
 * A value that falsified a property, after shrinking, with what reproduces it.
 *
 * <p>Stability: experimental.
 *
 * @param seed           the run's seed ({@code -Dpodcheck.seed=<seed>} replays the run)
 * @param trial          the 1-based trial that first failed
 * @param value          the shrunk value
 * @param original       the value as first drawn
 * @param failure        what the property threw for the shrunk value
 * @param originalFailure what it threw for the original value (its stack trace survives: the JVM
 *                        may drop traces of exceptions thrown many times while shrinking)
 * @param shrinkSteps    how many smaller failing candidates were kept
 * @param shrinkAttempts how many candidates were tried
 * @param choices        the shrunk choice sequence ({@link Choices#replay} regenerates the value)
 */
public record Counterexample<T>(long seed, int trial, T value, T original, Throwable failure, Throwable originalFailure,
                                int shrinkSteps, int shrinkAttempts, List<Long> choices) {
    public Counterexample {
        choices = List.copyOf(choices);
    }
}
