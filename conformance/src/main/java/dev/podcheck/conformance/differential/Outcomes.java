package dev.podcheck.conformance.differential;

import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.differential.Outcome.ContainerOutcome;
import dev.podcheck.conformance.differential.Outcome.Exit;
import dev.podcheck.conformance.differential.Outcome.Interval;
import dev.podcheck.conformance.differential.Outcome.PhaseChange;
import dev.podcheck.conformance.differential.Outcome.Step;
import dev.podcheck.conformance.invariant.TraceQueries;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Reads the {@link Outcome} of a trace: only the facts its target can observe. */
public final class Outcomes {
    private Outcomes() {}

    /**
     * @param scenario     the scenario the trace is of (its pod names the containers)
     * @param observations what the trace's target can observe
     * @param horizon      how long the trial ran
     */
    public static Outcome of(Trace trace, Scenario scenario, Set<Observation> observations, Duration horizon) {
        List<String> names = scenario.pod().spec().allContainers().map(Container::name).toList();
        Long removedAt = observations.contains(Observation.DELETION)
                ? trace.all(TraceEvent.PodRemoved.class).map(TraceEvent::at).findFirst().orElse(null) : null;
        long end = removedAt != null ? removedAt : horizon.toMillis();
        String qosClass = observations.contains(Observation.QOS_CLASS)
                ? trace.all(TraceEvent.PodCreated.class).map(TraceEvent.PodCreated::qosClass).findFirst().orElse(null)
                : null;
        List<PhaseChange> phases = observations.contains(Observation.PHASE) ? phases(trace) : List.of();
        List<ContainerOutcome> containers = new ArrayList<>();
        List<Placed> steps = new ArrayList<>();
        if (observations.contains(Observation.CONTAINER_STATUSES)) {
            names.forEach(name -> containers.add(container(trace, name, steps)));
        }
        List<Interval> ready = observations.contains(Observation.CONDITIONS) ? ready(trace, end) : List.of();
        steps.sort(Comparator.comparingLong((Placed p) -> p.step().at()).thenComparingInt(Placed::position));
        return new Outcome(observations, horizon.toMillis(), qosClass, phases, containers,
                steps.stream().map(Placed::step).toList(), ready, removedAt);
    }

    private static List<PhaseChange> phases(Trace trace) {
        return trace.all(TraceEvent.PodPhaseChanged.class).map(p -> new PhaseChange(p.phase(), p.reason(), p.at()))
                .toList();
    }

    /**
     * A step with the index of the event that first showed it. Within one instant the trace lists
     * events in the order the kubelet caused them (an init container's exit, then the next start),
     * so that index orders steps of one instant.
     */
    private record Placed(Step step, int position) {}

    /** One container's facts; its first start and final exit go to {@code steps}. */
    private static ContainerOutcome container(Trace trace, String name, List<Placed> steps) {
        List<TraceQueries.Run> runs = TraceQueries.runs(trace, name);
        List<TraceEvent> events = trace.events();
        List<Long> restartedAt = new ArrayList<>();
        int highest = 0;
        int lastAt = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TraceEvent.ContainerStatusChanged e && e.status().name().equals(name)) {
                for (int count = highest; count < e.status().restartCount(); count++) {
                    restartedAt.add(e.at());
                }
                highest = Math.max(highest, e.status().restartCount());
                lastAt = i;
            }
        }
        ContainerStatus last = lastAt < 0 ? null : ((TraceEvent.ContainerStatusChanged) events.get(lastAt)).status();
        Long startedAt = null;
        if (!runs.isEmpty()) {
            startedAt = runs.get(0).startedAt();
            steps.add(new Placed(new Step(name, Step.Kind.STARTED, startedAt), indexOf(events, runs.get(0).shown())));
        }
        Exit ended = null;
        if (last != null && last.state() instanceof ContainerState.Terminated t) {
            ended = new Exit(t.exitCode(), t.finishedAt());
            steps.add(new Placed(new Step(name, Step.Kind.EXITED, t.finishedAt()), firstShowing(events, name, t)));
        }
        return new ContainerOutcome(name, startedAt, last == null ? 0 : last.restartCount(), restartedAt, ended);
    }

    private static int indexOf(List<TraceEvent> events, TraceEvent event) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == event) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an event of this trace: " + event);
    }

    /** The index of the first status of {@code name} in state {@code state}. */
    private static int firstShowing(List<TraceEvent> events, String name, ContainerState state) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TraceEvent.ContainerStatusChanged e && e.status().name().equals(name)
                    && e.status().state().equals(state)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " was never in state " + state);
    }

    /**
     * The intervals in which Ready was True, read after each instant (a condition flipped and
     * flipped back within one instant was never seen so by anyone); one still open at the end of the
     * window ({@code end}) is closed there.
     */
    private static List<Interval> ready(Trace trace, long end) {
        List<Interval> intervals = new ArrayList<>();
        Long since = null;
        for (TraceQueries.Snapshot s : TraceQueries.snapshots(trace)) {
            boolean ready = s.isTrue(ConditionType.Ready);
            if (ready && since == null) {
                since = s.at();
            } else if (!ready && since != null) {
                intervals.add(new Interval(since, s.at()));
                since = null;
            }
        }
        if (since != null) {
            intervals.add(new Interval(since, Math.max(since, end)));
        }
        return intervals;
    }
}
