package dev.podcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.admission.Defaulting;
import dev.podcheck.spec.admission.Validation;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.TraceCodec;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Test fixture: runs a scenario written as YAML and answers questions about its trace. */
public record Simulations(Scenario scenario, Trace trace) {

    public static Simulations run(String yaml) {
        return run(yaml, EngineOptions.DEFAULT);
    }

    public static Simulations run(String yaml, EngineOptions options) {
        Scenario scenario = Defaulting.apply(ScenarioReader.readOne("test", yaml)); // a node scenario is one
        assertThat(Validation.validate(scenario)).as("the test scenario is valid").isEmpty();
        return new Simulations(scenario, Engine.simulate(scenario, options));
    }

    public static Simulations run(String yaml, Duration horizon) {
        return run(yaml, EngineOptions.DEFAULT.withHorizon(horizon));
    }

    /** When each instance of the container was first shown Running (its startedAt). */
    public List<Long> starts(String container) {
        return trace.statusesOf(container).filter(ContainerStatus::isRunning)
                .map(s -> ((ContainerState.Running) s.state()).startedAt()).distinct().toList();
    }

    /** When each instance's termination was first shown (finishedAt). */
    public List<Long> exits(String container) {
        return trace.all(TraceEvent.ContainerStatusChanged.class).map(TraceEvent.ContainerStatusChanged::status)
                .filter(s -> s.name().equals(container))
                .flatMap(s -> java.util.stream.Stream.of(s.state(), s.lastState()))
                .filter(st -> st instanceof ContainerState.Terminated)
                .map(st -> ((ContainerState.Terminated) st).finishedAt()).distinct().sorted().toList();
    }

    public List<PodPhase> phases() {
        return trace.all(TraceEvent.PodPhaseChanged.class).map(TraceEvent.PodPhaseChanged::phase).toList();
    }

    public PodPhase finalPhase() {
        List<PodPhase> all = phases();
        return all.get(all.size() - 1);
    }

    public Optional<TraceEvent.PodPhaseChanged> phaseChange(PodPhase phase) {
        return trace.all(TraceEvent.PodPhaseChanged.class).filter(p -> p.phase() == phase).findFirst();
    }

    public ContainerStatus lastStatus(String container) {
        List<ContainerStatus> all = trace.statusesOf(container).toList();
        return all.get(all.size() - 1);
    }

    /** The container's status as the API showed it at {@code at}: the last one written at or before then. */
    public ContainerStatus statusAt(String container, long at) {
        return trace.all(TraceEvent.ContainerStatusChanged.class)
                .filter(e -> e.status().name().equals(container) && e.at() <= at)
                .reduce((a, b) -> b).map(TraceEvent.ContainerStatusChanged::status).orElseThrow();
    }

    /** One of a node scenario's other pods: its scenario and its trace. */
    public Simulations neighbour(String name) {
        Scenario pod = scenario.neighbours().stream().filter(n -> n.pod().metadata().name().equals(name))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no neighbour " + name));
        return new Simulations(pod, trace.neighbours().get(name));
    }

    /** The evictions of {@code pod}: this simulation's own pod or one of its neighbours. */
    public List<TraceEvent.PodEvicted> evictionsOf(String pod) {
        Simulations of = scenario.pod().metadata().name().equals(pod) ? this : neighbour(pod);
        return of.trace().all(TraceEvent.PodEvicted.class).toList();
    }

    /** The whole trace, for failure messages: an ordering check prints the log it checked. */
    public String log() {
        return TraceCodec.toJson(trace);
    }
}
