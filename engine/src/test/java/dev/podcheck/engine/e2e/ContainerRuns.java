package dev.podcheck.engine.e2e;

import dev.podcheck.engine.Simulations;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The node e2e {@code containerOutputList} helpers (test/e2e_node/container_lifecycle_test_utils.go)
 * over an engine trace: a container's runs are its [startedAt, finishedAt] intervals, a hook's runs
 * its [HookStarted, HookFinished] intervals. A run that has not ended lasts forever.
 */
record ContainerRuns(Simulations sim) {

    record Run(long start, long end) {
        boolean overlaps(Run other) {
            return start <= other.end && other.start <= end;
        }
    }

    static ContainerRuns of(Simulations sim) {
        return new ContainerRuns(sim);
    }

    List<Run> runs(String container) {
        List<Long> starts = sim.starts(container);
        List<Long> exits = sim.exits(container);
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            runs.add(new Run(starts.get(i), i < exits.size() ? exits.get(i) : Long.MAX_VALUE));
        }
        return runs;
    }

    List<Run> hookRuns(String container, TraceEvent.Hook hook) {
        List<Long> starts = sim.trace().all(TraceEvent.HookStarted.class)
                .filter(h -> h.container().equals(container) && h.hook() == hook).map(TraceEvent::at).toList();
        List<Long> ends = sim.trace().all(TraceEvent.HookFinished.class)
                .filter(h -> h.container().equals(container) && h.hook() == hook).map(TraceEvent::at).toList();
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            runs.add(new Run(starts.get(i), i < ends.size() ? ends.get(i) : Long.MAX_VALUE));
        }
        return runs;
    }

    /**
     * StartsBefore(a, b): a's first start is logged before b's. The engine may start both in one
     * virtual instant (one SyncPod); then the trace's order is the log's order.
     */
    boolean startsBefore(String a, String b) {
        return firstIndex(a, ContainerStatus::isRunning) < firstIndex(b, ContainerStatus::isRunning);
    }

    /** ExitsBefore(a, b): a's first termination is logged before b's. */
    boolean exitsBefore(String a, String b) {
        return firstIndex(a, ContainerStatus::isTerminated) < firstIndex(b, ContainerStatus::isTerminated);
    }

    private int firstIndex(String container, Predicate<ContainerStatus> state) {
        List<TraceEvent> events = sim.trace().events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TraceEvent.ContainerStatusChanged c && c.status().name().equals(container)
                    && state.test(c.status())) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    /** RunTogether(a, b): their first runs overlap. */
    boolean runTogether(String a, String b) {
        return first(a).overlaps(first(b));
    }

    /** No two runs of the container overlap, and each starts after the one before it ended. */
    boolean runsOneAfterAnother(String container) {
        List<Run> runs = runs(container);
        for (int i = 1; i < runs.size(); i++) {
            if (runs.get(i).start < runs.get(i - 1).end) {
                return false;
            }
        }
        return true;
    }

    private Run first(String container) {
        List<Run> runs = runs(container);
        if (runs.isEmpty()) {
            throw new AssertionError(container + " never started:\n" + sim.log());
        }
        return runs.get(0);
    }
}
