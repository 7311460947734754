package dev.podcheck.conformance.versions;

import dev.podcheck.engine.Profile;
import dev.podcheck.spec.generate.Size;
import dev.podcheck.spec.scenario.Scenario;
import java.time.Duration;
import java.util.List;

/**
 * What one {@code diff-versions} run compares: the same scenarios predicted under two releases.
 *
 * @param written        scenarios read from a file, as written (not yet defaulted), each with where it came from;
 *                       empty to draw {@code trials} generated scenarios from {@code seed} instead
 * @param shrinkAttempts reruns a shrink may try per changed rule (each costs two predictions)
 */
public record VersionDiffPlan(Profile from, Profile to, List<Written> written, int trials, long seed, Size size,
                              Duration horizon, int parallelism, int shrinkAttempts) {
    /** A scenario from a file, with the place reports name it by ("pods.yaml document 2"). */
    public record Written(String origin, Scenario scenario) {}

    public VersionDiffPlan {
        written = List.copyOf(written);
        if (trials < 0 || parallelism < 1 || shrinkAttempts < 0) {
            throw new IllegalArgumentException("trials and shrink attempts must be >= 0 and parallelism >= 1");
        }
        if (horizon.isNegative() || horizon.isZero()) {
            throw new IllegalArgumentException("the horizon must be positive");
        }
    }

    public boolean generated() {
        return written.isEmpty();
    }
}
