package dev.podcheck.conformance.versions;

import dev.podcheck.engine.Profile;
import dev.podcheck.engine.ReleaseRule;
import java.time.Duration;
import java.util.List;

/**
 * What {@code diff-versions} found.
 *
 * @param scenarios    how many scenarios were predicted under both releases
 * @param changed      how many of them have a different prediction
 * @param changes      per rule (or rules together) that changes a prediction, its scenarios and a shrunk example
 * @param unexercised  rules that differ between the releases but changed no scenario's prediction
 */
public record VersionDiffResult(Profile from, Profile to, long seed, boolean generated, int scenarios, int changed,
                                List<RuleChange> changes, List<ReleaseRule> unexercised, Duration elapsed) {
    public VersionDiffResult {
        changes = List.copyOf(changes);
        unexercised = List.copyOf(unexercised);
    }

    /** The rules on which the two releases differ at all. */
    public List<ReleaseRule> differingRules() {
        return ReleaseRule.differing(from, to);
    }

    /** 0: no scenario's predicted life changes, the upgrade is safe for them; 1: some change. */
    public int exitCode() {
        return changed > 0 ? 1 : 0;
    }
}
