package dev.podcheck.conformance.invariant;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.TraceIndex;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.ConditionType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/** Questions invariants ask of a trace, answered with the event that shows the answer (the witness). */
public final class TraceQueries {
    private TraceQueries() {}

    /** The first status change of {@code container} that matches. */
    public static Optional<ContainerStatusChanged> first(Trace trace, String container,
                                                          Predicate<ContainerStatusChanged> matching) {
        return trace.all(ContainerStatusChanged.class)
                .filter(e -> e.status().name().equals(container))
                .filter(matching)
                .findFirst();
    }

    /** The first status that shows the container running (its first instance's start). */
    public static Optional<ContainerStatusChanged> firstRunning(Trace trace, String container) {
        return first(trace, container, e -> e.status().state() instanceof ContainerState.Running);
    }

    /** When that status says the container started running. */
    public static long startedAt(ContainerStatusChanged running) {
        return ((ContainerState.Running) running.status().state()).startedAt();
    }

    /** The first status showing a termination with exit code 0. */
    public static Optional<ContainerStatusChanged> firstSucceeded(Trace trace, String container) {
        return first(trace, container, e -> e.status().state() instanceof ContainerState.Terminated t && t.exitCode() == 0);
    }

    /** The first status with started == true. */
    public static Optional<ContainerStatusChanged> firstStarted(Trace trace, String container) {
        return first(trace, container, e -> e.status().started());
    }

    /** The reason the kubelet gives a container it could not find at termination (T-9): no run of its own. */
    public static final String UNKNOWN_AT_TERMINATION = "ContainerStatusUnknown";

    /**
     * One run (one container instance) of a container, as the statuses show it.
     *
     * @param shown      the first status that shows this run (running or already terminated)
     * @param exit       how it ended, or null while it runs (or when the trace ends first)
     * @param exitShown  the first status that shows the exit, or null
     */
    public record Run(String container, int restartCount, long startedAt, ContainerStatusChanged shown,
                      ContainerState.Terminated exit, ContainerStatusChanged exitShown) {
        Run withExit(ContainerState.Terminated value, ContainerStatusChanged at) {
            return new Run(container, restartCount, startedAt, shown, value, at);
        }
    }

    /**
     * The runs of {@code container} in start order, told apart by restartCount and startedAt; a run is seen in state Running, or only
     * in state or lastState Terminated when it was short. The kubelet's ContainerStatusUnknown
     * verdict at termination is not a run.
     */
    public static List<Run> runs(Trace trace, String container) {
        return runsOf(container, trace.all(ContainerStatusChanged.class).filter(e -> e.status().name().equals(container)).toList());
    }

    /** {@link #runs(Trace, String)} of the trial's trace, worked out once per trial and container. */
    public static List<Run> runs(Observed trial, String container) {
        return trial.index().derived(new RunsOf(container), () -> runsOf(container, trial.index().statuses(container)));
    }

    private record RunsOf(String container) {}

    private static List<Run> runsOf(String container, List<ContainerStatusChanged> statuses) {
        Map<List<Long>, Run> byStart = new LinkedHashMap<>();
        for (ContainerStatusChanged e : statuses) {
            ContainerStatus s = e.status();
            if (s.state() instanceof ContainerState.Running r) {
                byStart.putIfAbsent(List.of((long) s.restartCount(), r.startedAt()),
                        new Run(container, s.restartCount(), r.startedAt(), e, null, null));
            }
            recordExit(byStart, e, s.state(), s.restartCount());
            // A state that is no run of its own (Waiting in back-off, the kubelet's ContainerStatusUnknown)
            // shows the dead run itself in lastState; a Running or Terminated run shows the one before.
            boolean ownRun = s.state() instanceof ContainerState.Running
                    || s.state() instanceof ContainerState.Terminated t && !UNKNOWN_AT_TERMINATION.equals(t.reason());
            int lastCount = ownRun ? s.restartCount() - 1 : s.restartCount();
            recordExit(byStart, e, s.lastState(), lastCount);
        }
        return byStart.values().stream().sorted(java.util.Comparator.comparingLong(Run::startedAt)
                .thenComparingInt(Run::restartCount)).toList();
    }

    /**
     * Attaches an exit to its run: the run with this count and start if there is one, else any run
     * with this start that has no exit yet (a Waiting status may carry either count), else a new run.
     */
    private static void recordExit(Map<List<Long>, Run> byStart, ContainerStatusChanged e, ContainerState state,
                                   int restartCount) {
        if (!(state instanceof ContainerState.Terminated t) || UNKNOWN_AT_TERMINATION.equals(t.reason())) {
            return;
        }
        int count = Math.max(restartCount, 0);
        List<Long> key = List.of((long) count, t.startedAt());
        if (!byStart.containsKey(key)) {
            boolean known = byStart.values().stream().anyMatch(r -> r.startedAt() == t.startedAt() && t.equals(r.exit()));
            if (known) {
                return;
            }
            key = byStart.entrySet().stream()
                    .filter(en -> en.getValue().startedAt() == t.startedAt() && en.getValue().exit() == null)
                    .map(Map.Entry::getKey).findFirst().orElse(key);
        }
        Run run = byStart.computeIfAbsent(key, k -> new Run(e.status().name(), count, t.startedAt(), e, null, null));
        if (run.exit() == null) {
            byStart.put(key, run.withExit(t, e));
        }
    }

    /**
     * The pod as its status reads after each instant: the status is one object, so rules about "at
     * the same time" are checked after all events of an instant, never between two of them.
     *
     * @param phase      the latest phase change, or null before the first
     * @param conditions the latest change of each condition type
     */
    public record Snapshot(long at, Map<String, ContainerStatusChanged> statuses, TraceEvent.PodPhaseChanged phase,
                           Map<ConditionType, TraceEvent.PodConditionChanged> conditions) {
        /** True if {@code type} is currently True. */
        public boolean isTrue(ConditionType type) {
            TraceEvent.PodConditionChanged c = conditions.get(type);
            return c != null && c.condition().status();
        }
    }

    /** {@link #snapshots(Trace)} of the trial's trace, worked out once per trial. */
    public static List<Snapshot> snapshots(Observed trial) {
        return trial.index().derived(Snapshot.class, () -> snapshots(trial.trace()));
    }

    public static List<Snapshot> snapshots(Trace trace) {
        List<Snapshot> out = new ArrayList<>();
        Map<String, ContainerStatusChanged> statuses = new LinkedHashMap<>();
        Map<ConditionType, TraceEvent.PodConditionChanged> conditions = new EnumMap<>(ConditionType.class);
        TraceEvent.PodPhaseChanged phase = null;
        // an instant that changed no status (or no condition) shares the copy of the instant before
        Map<String, ContainerStatusChanged> statusesCopy = Map.of();
        Map<ConditionType, TraceEvent.PodConditionChanged> conditionsCopy = Map.of();
        boolean statusChanged = false;
        boolean conditionChanged = false;
        List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof ContainerStatusChanged c) {
                statuses.put(c.status().name(), c);
                statusChanged = true;
            } else if (e instanceof TraceEvent.PodPhaseChanged p) {
                phase = p;
            } else if (e instanceof TraceEvent.PodConditionChanged c) {
                conditions.put(c.condition().type(), c);
                conditionChanged = true;
            }
            if (i + 1 == events.size() || events.get(i + 1).at() != e.at()) {
                if (statusChanged) {
                    // in the order the containers first showed, so a verdict naming one of them is the same on every run
                    statusesCopy = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
                    statusChanged = false;
                }
                if (conditionChanged) {
                    conditionsCopy = Map.copyOf(conditions);
                    conditionChanged = false;
                }
                out.add(new Snapshot(e.at(), statusesCopy, phase, conditionsCopy));
            }
        }
        return out;
    }

    /** Witness events in trace order (a verdict lists its witness as the trace does). */
    public static List<TraceEvent> inOrder(TraceEvent... events) {
        return java.util.Arrays.stream(events).sorted(java.util.Comparator.comparingLong(TraceEvent::at)).toList();
    }

    /**
     * The run of {@code container} that {@code event} concerns: the latest one shown before it in
     * trace order that had not ended before it (a run that started at the same instant, shown
     * after the event, is the next one).
     */
    public static Optional<Run> runAt(Trace trace, String container, TraceEvent event) {
        List<TraceEvent> events = trace.events();
        return runAt(runs(trace, container), events.indexOf(event), events::indexOf, event);
    }

    /** {@link #runAt(Trace, String, TraceEvent)} over the trial's index. */
    public static Optional<Run> runAt(Observed trial, String container, TraceEvent event) {
        TraceIndex index = trial.index();
        return runAt(runs(trial, container), index.position(event), index::position, event);
    }

    private static Optional<Run> runAt(List<Run> runs, int at, ToIntFunction<TraceEvent> position, TraceEvent event) {
        return runs.stream()
                .filter(r -> position.applyAsInt(r.shown()) < at)
                .filter(r -> r.exit() == null || r.exit().finishedAt() >= event.at())
                .reduce((a, b) -> b);
    }

    /**
     * Whether the kubelet killed this run for a failed liveness or startup probe (P-8, P-9): its
     * Killing event, between the run's start and its exit, says so as kuberuntime_manager.go words it.
     * The kubelet records the event before it stops the container, but a real target's Events arrive
     * on their own watch: one may show up to the target's tolerance after the exit it caused (kubelet
     * v1.34: "Init container side failed startup probe" seen 27 ms after the finishedAt of the kill).
     */
    public static boolean killedByProbe(Observed trial, Run run) {
        if (run.exit() == null) {
            return false;
        }
        // A kill at the instant this run started belongs to it only if it comes after the status that
        // shows the run: the run before may have been killed and this one started in the same SyncPod.
        TraceIndex index = trial.index();
        int shownAt = index.position(run.shown());
        return index.kubeletEvents(run.container()).stream()
                .filter(e -> e.reason().equals("Killing"))
                .filter(e -> e.at() > run.startedAt() || e.at() == run.startedAt() && index.position(e) > shownAt)
                .filter(e -> e.at() <= run.exit().finishedAt() + trial.toleranceMillis())
                .anyMatch(e -> e.message().contains("failed liveness probe") || e.message().contains("failed startup probe"));
    }
}
