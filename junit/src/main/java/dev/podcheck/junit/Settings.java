package dev.podcheck.junit;

import dev.podcheck.conformance.api.Target;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.spec.behaviour.Durations;
import java.util.Optional;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * One run's settings from an annotation, with {@code podcheck.seed} (a configuration parameter, or
 * the system property the launcher falls back on) replacing the annotated seed to replay a failure.
 */
record Settings(int trials, long seed, String horizon) {
    static final String SEED = "podcheck.seed";

    static Settings of(PodcheckCatalogue catalogue) {
        return new Settings(catalogue.trials(), catalogue.seed(), catalogue.horizon());
    }

    static Settings of(PodcheckProperty property) {
        return new Settings(property.trials(), property.seed(), property.horizon());
    }

    /** @throws IllegalArgumentException for a seed or horizon that is not one */
    RunPlan.Builder plan(Target target, ConfigurationParameters parameters) {
        RunPlan.Builder plan = RunPlan.builder(target).trials(trials).horizon(Durations.parsePositive(horizon));
        Optional<String> replay = parameters.get(SEED);
        if (replay.isPresent()) {
            try {
                return plan.seed(Long.parseLong(replay.get().trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SEED + " must be a whole number, got \"" + replay.get() + "\"");
            }
        }
        return seed != 0 ? plan.seed(seed) : plan;
    }

    /** How to run a failed run again, in the test's own build. */
    static String replay(long seed) {
        return "-D" + SEED + "=" + seed;
    }
}
