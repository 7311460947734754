package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.Narrowed;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.WorldEvent;
import dev.podcheck.spec.trace.Trace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invariant of one pod's life judging every pod of a node scenario (SEMANTICS NP-1): the trial's own pod, then
 * each neighbour seen as the pod of the trial, with the node's pressure as its world events and the others as its
 * neighbours. Its id, sentence and source are the invariant's own; its verdict the strongest of theirs.
 */
public record EveryPodOnTheNode(Invariant invariant) implements Narrowed {

    public static List<Invariant> each(List<Invariant> invariants) {
        return invariants.stream().<Invariant>map(EveryPodOnTheNode::new).toList();
    }

    @Override
    public Verdict check(Observed trial) {
        Verdict verdict = invariant.check(trial);
        for (Observed view : neighbourViews(trial)) {
            verdict = verdict.and(invariant.check(view));
        }
        return verdict;
    }

    /** The trial as each neighbour lives it; none for a pod alone on its node. Built once per trial. */
    static List<Observed> neighbourViews(Observed trial) {
        return trial.scenario().isNodeScenario() ? trial.index().derived(new Views(), () -> views(trial)) : List.of();
    }

    private record Views() {}

    private static List<Observed> views(Observed trial) {
        Scenario scenario = trial.scenario();
        List<WorldEvent> nodeEvents = scenario.events().stream()
                .filter(e -> e instanceof NodeMemoryPressure || e instanceof NodePidPressure).toList();
        Scenario alone = scenario.withNeighbours(List.of()).withEvents(List.of());
        Trace ownTrace = trial.trace().withNeighbours(Map.of());
        List<Observed> views = new ArrayList<>();
        for (Scenario neighbour : scenario.neighbours()) {
            String name = neighbour.pod().metadata().name();
            Trace trace = trial.trace().neighbours().get(name);
            if (trace == null) {
                continue;
            }
            List<Scenario> others = new ArrayList<>(List.of(alone));
            Map<String, Trace> otherTraces = new LinkedHashMap<>();
            otherTraces.put(scenario.pod().metadata().name(), ownTrace);
            for (Scenario other : scenario.neighbours()) {
                String otherName = other.pod().metadata().name();
                if (other != neighbour && trial.trace().neighbours().containsKey(otherName)) {
                    others.add(other);
                    otherTraces.put(otherName, trial.trace().neighbours().get(otherName));
                }
            }
            views.add(new Observed(neighbour.withEvents(nodeEvents).withNeighbours(others),
                    trace.withNeighbours(otherTraces), trial.observations(), trial.tolerance(), trial.horizon(),
                    trial.release()));
        }
        return views;
    }
}
