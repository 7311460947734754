package dev.podcheck.conformance.api;

import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.Set;

/**
 * One trial as an invariant sees it: the defaulted scenario, the trace a target produced for it,
 * what that target can observe, and its timing tolerance (how far its times may lag the rules).
 *
 * <p>Stability: experimental.
 */
public record Observed(Scenario scenario, Trace trace, Set<Observation> observations, Duration tolerance,
                       Duration horizon) {
    public Observed {
        observations = Set.copyOf(observations);
    }

    public long toleranceMillis() {
        return tolerance.toMillis();
    }

    public long horizonMillis() {
        return horizon.toMillis();
    }
}
