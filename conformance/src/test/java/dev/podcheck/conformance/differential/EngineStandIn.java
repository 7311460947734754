package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Test fixture: the engine standing in for a real target (not the reference), so the runner
 * compares it with the engine's prediction. It may carry faults (a kubelet that breaks a rule),
 * observe less than everything, and lag: every time after the pod's creation comes {@code lagMillis}
 * late, and what would then fall after the horizon is not seen, as an observer that stops watching
 * at the horizon would not see it.
 */
public record EngineStandIn(String name, Set<Fault> faults, Set<Observation> observations, Duration tolerance,
                            long lagMillis) implements Target {

    public EngineStandIn {
        faults = Set.copyOf(faults);
        observations = Set.copyOf(observations);
    }

    /** The engine with these faults, observing everything, with no slack. */
    public static EngineStandIn faulty(Fault... faults) {
        return new EngineStandIn("faulty-engine", Set.of(faults),
                EnumSet.allOf(Observation.class), Duration.ZERO, 0);
    }

    /** The faithful engine, as a target that is not the reference. */
    public static EngineStandIn faithful() {
        return new EngineStandIn("faithful-engine", Set.of(), EnumSet.allOf(Observation.class), Duration.ZERO, 0);
    }

    public EngineStandIn observing(Set<Observation> value) {
        return new EngineStandIn(name, faults, value, tolerance, lagMillis);
    }

    public EngineStandIn lagging(long millis, Duration slack) {
        return new EngineStandIn(name, faults, observations, slack, millis);
    }

    /** The facts on which this target differs from the reference for a defaulted scenario. */
    public List<Fact> facts(Scenario defaulted) {
        return Comparison.of(defaulted, run(defaulted, DifferentialTest.HORIZON), observations, timing(),
                DifferentialTest.HORIZON).differences().stream().map(Difference::fact).toList();
    }

    @Override
    public boolean reference() {
        return false;
    }

    @Override
    public Trace run(Scenario defaulted, Duration horizon) {
        Trace trace = Engine.simulate(defaulted, EngineOptions.DEFAULT.withHorizon(horizon).withFaults(faults));
        return lagMillis == 0 ? trace : new Trace(trace.events().stream().map(this::late)
                .filter(e -> e.at() <= horizon.toMillis()).toList());
    }

    /** Every time after the pod's creation, {@code lagMillis} later. */
    private TraceEvent late(TraceEvent e) {
        return Retimed.event(e, late(e.at()), this::late);
    }

    private long late(long at) {
        return at > 0 ? at + lagMillis : at;
    }
}
