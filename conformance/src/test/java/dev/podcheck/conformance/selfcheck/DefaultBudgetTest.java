package dev.podcheck.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.runner.RunResult;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gate a CI job builds on the catalogue: the default budget of {@code podcheck run} on the
 * engine at hand passes. On the faithful engine it must; it is also the only test the mutation
 * profile ({@code -Pmutation}, docs/mutation.md) lets kill a mutant of the engine, so the score
 * measures the catalogue and the generators, not the engine's own unit tests.
 */
class DefaultBudgetTest {
    @Test
    void should_pass_the_default_budget_of_podcheck_run() {
        RunResult result = DefaultRun.run(DefaultRun.detection(Set.of()));

        assertThat(Detection.firstViolations(result)).as("first violating trial by invariant").isEqualTo(MutantsTest.FAITHFUL_VIOLATIONS);
        assertThat(result.exitCode()).as("podcheck run's exit code").isZero();
    }
}
