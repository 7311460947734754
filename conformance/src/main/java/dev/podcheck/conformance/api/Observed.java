package dev.podcheck.conformance.api;

import dev.podcheck.engine.Profile;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import java.time.Duration;
import java.util.Set;

/**
 * One trial as an invariant sees it: the defaulted scenario, the trace a target produced for it,
 * what that target can observe, its timing tolerance (how far its times may lag the rules), the Kubernetes
 * release whose rules it is held to (the few rules that differ between releases read it: docs/versions.md), and
 * the trace's {@link TraceIndex}, built once and shared by every invariant that judges the trial.
 *
 * <p>Stability: experimental.
 */
public record Observed(Scenario scenario, Trace trace, Set<Observation> observations, Duration tolerance,
                       Duration horizon, Profile release, TraceIndex index) {
    public Observed {
        observations = Set.copyOf(observations);
        if (index.trace() != trace) {
            throw new IllegalArgumentException("the index is of another trace");
        }
    }

    /** A trial held to {@code release}'s rules, its index built on first use. */
    public Observed(Scenario scenario, Trace trace, Set<Observation> observations, Duration tolerance,
                    Duration horizon, Profile release) {
        this(scenario, trace, observations, tolerance, horizon, release, new TraceIndex(trace));
    }

    /** A trial held to the default release's rules. */
    public Observed(Scenario scenario, Trace trace, Set<Observation> observations, Duration tolerance,
                    Duration horizon) {
        this(scenario, trace, observations, tolerance, horizon, Profile.DEFAULT);
    }

    public long toleranceMillis() {
        return tolerance.toMillis();
    }

    public long horizonMillis() {
        return horizon.toMillis();
    }
}
