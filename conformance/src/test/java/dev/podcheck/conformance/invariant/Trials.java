package dev.podcheck.conformance.invariant;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.yaml.ScenarioReader;
import java.time.Duration;
import java.util.EnumSet;

/** Test fixture: trials for invariant tests, from a scenario in YAML and a hand-built or engine trace. */
public final class Trials {
    public static final Duration HORIZON = Duration.ofMinutes(10);

    private Trials() {}

    public static Scenario scenario(String yaml) {
        return Defaulting.apply(ScenarioReader.readOne("test", yaml));
    }

    /** A trial with a hand-built trace, seen by a target that observes everything, exactly. */
    public static Observed of(String yaml, Trace trace) {
        return new Observed(scenario(yaml), trace, EnumSet.allOf(Observation.class), Duration.ZERO, HORIZON);
    }

    /** The reference engine's trial of a defaulted scenario. */
    public static Observed onEngine(Scenario defaulted) {
        EngineTarget engine = new EngineTarget();
        return new Observed(defaulted, engine.run(defaulted, HORIZON), engine.observations(), engine.tolerance(), HORIZON);
    }
}
