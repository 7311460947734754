package dev.podcheck.conformance.invariant.pressure;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.qos.PodEphemeralStorageRequest;
import dev.podcheck.spec.qos.PodMemoryRequest;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongBiFunction;

/**
 * One pod of a node scenario as the pressure invariants read it (SEMANTICS NP-1): its scenario (behaviours, priority,
 * requests), its trace on the node's clock, the runs of its containers the trace shows, and from when the kubelet is
 * stopping it. A pod alone on its node is a node of one.
 *
 * @param stoppingFrom the first DELETE, eviction, exceeded deadline, removal or terminal phase; Long.MAX_VALUE if none.
 *     A pod that finishes by itself counts as stopping only once its phase is terminal, a little late: it has no
 *     running container by then, which the invariants ask of a pod before they count it
 */
public record PodOnNode(String name, Scenario scenario, Trace trace, List<Run> runs, long stoppingFrom) {
    /** pkg/apis/scheduling SystemCriticalPriority: the kubelet never evicts a pod of this priority or more (E-8). */
    static final int SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
    private static final String DEADLINE_EXCEEDED = "DeadlineExceeded";

    public PodOnNode {
        runs = List.copyOf(runs);
    }

    /** The trial's pod first, then its neighbours in the scenario's order; read once per trial. */
    public static List<PodOnNode> all(Observed trial) {
        return trial.index().derived(new AllOfTrial(), () -> read(trial));
    }

    private record AllOfTrial() {}

    private static List<PodOnNode> read(Observed trial) {
        List<PodOnNode> out = new ArrayList<>();
        out.add(of(trial.scenario().pod().metadata().name(), trial.scenario(), trial.trace()));
        for (Scenario neighbour : trial.scenario().neighbours()) {
            String name = neighbour.pod().metadata().name();
            Trace trace = trial.trace().neighbours().get(name);
            if (trace != null) {
                out.add(of(name, neighbour, trace));
            }
        }
        return List.copyOf(out);
    }

    static PodOnNode of(String name, Scenario scenario, Trace trace) {
        List<Run> runs = new ArrayList<>();
        Map<String, Integer> instances = new HashMap<>();
        long stopping = Long.MAX_VALUE;
        long removed = trace.all(TraceEvent.PodRemoved.class).mapToLong(TraceEvent::at).findFirst().orElse(Long.MAX_VALUE);
        List<TraceEvent> events = trace.events();
        for (int i = 0; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof TraceEvent.KubeletEvent k && k.reason().equals("Started")) {
                int instance = instances.merge(k.container(), 0, (old, zero) -> old + 1);
                InstanceBehaviour behaviour = scenario.behaviour(k.container()).forInstance(instance);
                long sameStart = runs.stream().filter(r -> r.container().equals(k.container()) && r.started() == k.at())
                        .count();
                runs.add(run(trace, k.container(), restartCount(events, i, k), k.at(), sameStart, behaviour, removed));
            } else if (stopping == Long.MAX_VALUE && stops(e)) {
                stopping = e.at();
            }
        }
        return new PodOnNode(name, scenario, trace, runs, stopping);
    }

    private static boolean stops(TraceEvent e) {
        return e instanceof TraceEvent.DeletionRequested || e instanceof TraceEvent.PodEvicted
                || e instanceof TraceEvent.PodRemoved
                || (e instanceof TraceEvent.PodPhaseChanged p && p.phase().isTerminal())
                || (e instanceof TraceEvent.KubeletEvent k && k.reason().equals(DEADLINE_EXCEEDED));
    }

    /**
     * The restartCount of the run whose Started event stands at {@code started}: the first status after it showing the
     * container running since then; -1 when none does. Two runs may start in the same millisecond (an OOM kill at once,
     * then the restart), and the count, not the start time, tells them apart; it is not the run's ordinal, since it may
     * go down after a sandbox loss (SB-5).
     */
    private static int restartCount(List<TraceEvent> events, int started, TraceEvent.KubeletEvent start) {
        for (int i = started + 1; i < events.size(); i++) {
            TraceEvent e = events.get(i);
            if (e instanceof ContainerStatusChanged c && c.status().name().equals(start.container())
                    && c.status().state() instanceof ContainerState.Running r && r.startedAt() == start.at()) {
                return c.status().restartCount();
            }
            if (e instanceof TraceEvent.KubeletEvent k && k.reason().equals("Started") && k.container().equals(start.container())) {
                return -1; // the next run started before any status showed this one running
            }
        }
        return -1;
    }

    /**
     * The run started at {@code startedAt} with {@code restartCount} (-1: unknown), the {@code sameStart}-th of its
     * container to start in that millisecond: it ends when its terminated status says. Where no status shows its end
     * (the pod was removed first), it may end at its behaviour's exit and surely runs only until the first signal sent
     * to it or the pod's removal, whichever comes first.
     */
    private static Run run(Trace trace, String container, int restartCount, long startedAt, long sameStart,
                           InstanceBehaviour behaviour, long removed) {
        // The earliest end any status with its restartCount shows for it, as its state or as the lastState of the next
        // run: a pod stopped later may report it again as ContainerStatusUnknown with startedAt 0 and the stop's time
        // (T-9). Without a known restartCount (a run killed as it started, by a lost sandbox), runs started in the same
        // millisecond end in that order: the later run's end is the next distinct one.
        long shown = trace.statusesOf(container)
                .flatMap(s -> java.util.stream.Stream.of(
                        restartCount < 0 || s.restartCount() == restartCount ? s.state() : null,
                        restartCount < 0 || s.restartCount() == restartCount + 1 ? s.lastState() : null))
                .mapToLong(state -> state instanceof ContainerState.Terminated t && t.startedAt() == startedAt
                        ? t.finishedAt() : Long.MAX_VALUE)
                .distinct().sorted().skip(restartCount < 0 ? sameStart : 0).findFirst().orElse(Long.MAX_VALUE);
        if (shown != Long.MAX_VALUE) {
            return new Run(container, startedAt, shown, shown, behaviour);
        }
        long exit = behaviour.exit() == null ? Long.MAX_VALUE : startedAt + behaviour.exit().after().toMillis();
        long signalled = trace.all(TraceEvent.SignalSent.class)
                .filter(s -> s.container().equals(container) && s.at() >= startedAt)
                .mapToLong(TraceEvent::at).findFirst().orElse(Long.MAX_VALUE);
        return new Run(container, startedAt, exit, Math.min(exit, Math.min(signalled, removed)), behaviour);
    }

    public int priority() {
        Integer priority = scenario.pod().spec().priority();
        return priority == null ? 0 : priority;
    }

    /** Static, mirror and system-critical pods are never evicted; only priority is drawn, so only it is read. */
    public boolean critical() {
        return priority() >= SYSTEM_CRITICAL_PRIORITY;
    }

    /** The pod's memory request as the eviction comparators take it (GetResourceRequestQuantity). */
    public Quantity request() {
        return PodMemoryRequest.of(scenario.pod().spec());
    }

    /** Whether the kubelet is stopping the pod by {@code at} (it stays among the active pods a pass ranks, NP-4). */
    public boolean stoppingBy(long at) {
        return stoppingFrom <= at;
    }

    /**
     * Whether an eviction pass at {@code at} surely counts the pod among those it may evict: not critical, with a
     * container that surely runs then. A pod being stopped (deleted, past its deadline, evicted) is still active until
     * it is known terminated (kubelet_pods.go filterOutInactivePods, NP-4), which a running container says it is not.
     */
    public boolean candidateAt(long at) {
        return !critical() && runs.stream().anyMatch(run -> run.surelyAt(at));
    }

    /**
     * The pod's working set at {@code at}, summed over its runs, each from its behaviour's memory steps since its
     * Started event: {@code low} counts the runs surely alive at {@code at}, {@code high} also those that start or end
     * at that very instant, where the order of same-time events decides.
     */
    public Use memory(long at) {
        return use(at, InstanceBehaviour::memoryBytesAt);
    }

    /** The tasks the pod's runs have at {@code at}, from their behaviours' process steps, bounded as {@link #memory}. */
    public Use tasks(long at) {
        return use(at, InstanceBehaviour::processesAt);
    }

    /**
     * The pod's disk use at {@code at} as rankDiskPressureFunc reads it (podDiskUsage, SEMANTICS NP-7): its runs' writable
     * layers and logs, bounded as {@link #memory}, and its emptyDirs on disk, which the kubelet tears down once the pod
     * has terminated: {@code low} leaves them out from when the pod is being stopped.
     */
    public Use disk(long at) {
        Use use = use(at, InstanceBehaviour::diskBytesAt);
        if (!EmptyDirUse.written(this)) {
            return use;
        }
        for (EmptyDirVolume volume : EmptyDirVolume.of(scenario.pod().spec())) {
            if (!volume.memoryBacked()) {
                EmptyDirUse written = EmptyDirUse.of(this, volume.name(), at);
                use = use.plus(new Use(stoppingBy(at) ? 0 : written.low(), written.high()));
            }
        }
        return use;
    }

    /** The pod's ephemeral-storage request as the disk comparators take it (GetResourceRequestQuantity). */
    public long diskRequest() {
        return PodEphemeralStorageRequest.of(scenario.pod().spec()).longValue();
    }

    private Use use(long at, ToLongBiFunction<InstanceBehaviour, Duration> amount) {
        long low = 0;
        long high = 0;
        for (Run run : runs) {
            if (!run.mayBeAt(at)) {
                continue;
            }
            long value = amount.applyAsLong(run.behaviour(), Duration.ofMillis(at - run.started()));
            high += value;
            if (run.surelyAt(at)) {
                low += value;
            }
        }
        return new Use(low, high);
    }

    /**
     * One run of {@code container}, acting out {@code behaviour}: from its Started event to its exit at the latest
     * ({@code ended}), surely alive until {@code surelyUntil}.
     */
    public record Run(String container, long started, long ended, long surelyUntil, InstanceBehaviour behaviour) {
        /** Surely running at {@code at}: not at the instant it starts or may stop, where same-time events decide. */
        public boolean surelyAt(long at) {
            return started < at && at < surelyUntil;
        }

        /** Running at {@code at}, or starting or stopping at that very instant. */
        public boolean mayBeAt(long at) {
            return started <= at && at <= ended;
        }

        /** Bytes on its writable layer and logs at {@code at}, from its behaviour's disk steps (LS-2). */
        public long diskAt(long at) {
            return behaviour.diskBytesAt(Duration.ofMillis(at - started));
        }
    }

    /** A use (bytes of working set, tasks) between {@code low} and {@code high}; exact when they are equal. */
    public record Use(long low, long high) {
        public boolean exact() {
            return low == high;
        }

        Use plus(Use other) {
            return new Use(low + other.low, high + other.high);
        }
    }
}
