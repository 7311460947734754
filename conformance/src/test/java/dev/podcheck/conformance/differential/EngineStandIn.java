package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Target;
import dev.podcheck.engine.Engine;
import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.EnumSet;
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

    private TraceEvent late(TraceEvent e) {
        long at = late(e.at());
        if (e instanceof TraceEvent.ContainerStatusChanged c) {
            ContainerStatus s = c.status();
            return new TraceEvent.ContainerStatusChanged(at, new ContainerStatus(s.name(), late(s.state()),
                    late(s.lastState()), s.restartCount(), s.ready(), s.started()));
        }
        if (e instanceof TraceEvent.DeletionRequested d) {
            return new TraceEvent.DeletionRequested(at, d.gracePeriodSeconds(), d.force(), late(d.deletionTimestamp()));
        }
        if (e instanceof TraceEvent.PodPhaseChanged p) {
            return new TraceEvent.PodPhaseChanged(at, p.phase(), p.reason(), p.message());
        }
        if (e instanceof TraceEvent.PodConditionChanged c) {
            return new TraceEvent.PodConditionChanged(at, c.condition());
        }
        if (e instanceof TraceEvent.ProbeResult r) {
            return new TraceEvent.ProbeResult(at, r.container(), r.probe(), r.success());
        }
        if (e instanceof TraceEvent.HookStarted h) {
            return new TraceEvent.HookStarted(at, h.container(), h.hook());
        }
        if (e instanceof TraceEvent.HookFinished h) {
            return new TraceEvent.HookFinished(at, h.container(), h.hook(), h.failed());
        }
        if (e instanceof TraceEvent.SignalSent s) {
            return new TraceEvent.SignalSent(at, s.container(), s.signal());
        }
        if (e instanceof TraceEvent.KubeletEvent k) {
            return new TraceEvent.KubeletEvent(at, k.reason(), k.container(), k.message());
        }
        if (e instanceof TraceEvent.PodRemoved) {
            return new TraceEvent.PodRemoved(at);
        }
        if (e instanceof TraceEvent.PodEvicted v) {
            return new TraceEvent.PodEvicted(at, v.resource(), v.message());
        }
        return e; // PodCreated: the moment every other time counts from
    }

    private ContainerState late(ContainerState state) {
        if (state instanceof ContainerState.Running r) {
            return new ContainerState.Running(late(r.startedAt()));
        }
        if (state instanceof ContainerState.Terminated t) {
            return new ContainerState.Terminated(t.exitCode(), t.reason(), t.signal(), late(t.startedAt()),
                    late(t.finishedAt()));
        }
        return state;
    }

    private long late(long at) {
        return at > 0 ? at + lagMillis : at;
    }
}
