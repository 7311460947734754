package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Exit;
import dev.podcheck.conformance.differential.Outcome.Instance;
import dev.podcheck.conformance.differential.Outcome.Kind;
import dev.podcheck.conformance.differential.Outcome.PhaseChange;
import dev.podcheck.conformance.invariant.TraceQueries;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Reads the {@link Outcome} of a trace: only the facts its target can observe. */
public final class Outcomes {
    /** The phase reason the kubelet gives a pod past its activeDeadlineSeconds. */
    private static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

    private Outcomes() {}

    /**
     * @param scenario     the scenario the trace is of (its pod names the containers)
     * @param observations what the trace's target can observe
     * @param horizon      how long the trial ran
     */
    public static Outcome of(Trace trace, Scenario scenario, Set<Observation> observations, Duration horizon) {
        Long removedAt = observations.contains(Observation.DELETION)
                ? trace.all(TraceEvent.PodRemoved.class).map(TraceEvent::at).findFirst().orElse(null) : null;
        String qosClass = observations.contains(Observation.QOS_CLASS)
                ? trace.all(TraceEvent.PodCreated.class).map(TraceEvent.PodCreated::qosClass).findFirst().orElse(null)
                : null;
        List<PhaseChange> phases = observations.contains(Observation.PHASE) ? phases(trace) : List.of();
        List<ContainerOutcome> containers = new ArrayList<>();
        if (observations.contains(Observation.CONTAINER_STATUSES)) {
            PodSpec spec = scenario.pod().spec();
            spec.initContainers().forEach(c -> containers.add(container(trace, c.name(),
                    c.isSidecar() ? Kind.SIDECAR : Kind.INIT)));
            spec.containers().forEach(c -> containers.add(container(trace, c.name(), Kind.REGULAR)));
        }
        return new Outcome(observations, horizon.toMillis(), qosClass, phases, containers,
                stoppedAt(trace, scenario), removedAt);
    }

    private static List<PhaseChange> phases(Trace trace) {
        return trace.all(TraceEvent.PodPhaseChanged.class).map(p -> new PhaseChange(p.phase(), p.reason(), p.at()))
                .toList();
    }

    /**
     * When the pod was first asked to stop: a deletion request or an eviction as the trace shows it
     * (a real target's DELETE comes when it comes), else the scenario's own deletion and deadline,
     * which a target that shows neither still acts on (or should).
     */
    private static Long stoppedAt(Trace trace, Scenario scenario) {
        Stream<Long> seen = trace.events().stream().filter(e -> e instanceof TraceEvent.DeletionRequested
                || e instanceof TraceEvent.PodEvicted
                || e instanceof TraceEvent.PodPhaseChanged p && DEADLINE_EXCEEDED.equals(p.reason())).map(TraceEvent::at);
        Stream<Long> deletion = trace.all(TraceEvent.DeletionRequested.class).findAny().isPresent() ? Stream.empty()
                : scenario.events().stream().filter(DeletePod.class::isInstance).map(e -> e.at().toMillis());
        Long deadline = scenario.pod().spec().activeDeadlineSeconds();
        Stream<Long> byDeadline = deadline == null ? Stream.empty() : Stream.of(Int64.millisOfSeconds(deadline));
        return Stream.of(seen, deletion, byDeadline).flatMap(s -> s).min(Long::compare).orElse(null);
    }

    /** One container's instances, from its statuses. */
    private static ContainerOutcome container(Trace trace, String name, Kind kind) {
        List<TraceEvent> events = trace.events();
        List<Instance> instances = new ArrayList<>();
        for (TraceQueries.Run run : TraceQueries.runs(trace, name)) {
            Exit exit = run.exit() == null ? null
                    : new Exit(run.exit().exitCode(), run.exit().finishedAt(), run.exitShown().at(),
                    indexOf(events, run.exitShown()));
            instances.add(new Instance(run.startedAt(), run.shown().at(), indexOf(events, run.shown()),
                    readyAt(trace, name, run.startedAt()), exit));
        }
        int restartCount = trace.statusesOf(name).map(ContainerStatus::restartCount).reduce((a, b) -> b).orElse(0);
        return new ContainerOutcome(name, kind, instances, restartCount);
    }

    private static int indexOf(List<TraceEvent> events, TraceEvent event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == event) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an event of this trace: " + event);
    }

    /** When a status first showed the instance that started at {@code startedAt} running and ready. */
    private static Long readyAt(Trace trace, String name, long startedAt) {
        return trace.all(TraceEvent.ContainerStatusChanged.class)
                .filter(e -> e.status().name().equals(name) && e.status().ready()
                        && e.status().state() instanceof ContainerState.Running r && r.startedAt() == startedAt)
                .map(TraceEvent::at).findFirst().orElse(null);
    }

    /** The container's spec, by name. */
    static Container spec(Scenario scenario, String name) {
        return scenario.pod().spec().allContainers().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no container " + name));
    }
}
