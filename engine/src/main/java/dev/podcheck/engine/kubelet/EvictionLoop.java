package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.eviction.DiskEviction;
import dev.podcheck.engine.eviction.EvictionGracePeriod;
import dev.podcheck.engine.eviction.EvictionMessages;
import dev.podcheck.engine.eviction.EvictionRanking;
import dev.podcheck.engine.eviction.LocalStorageEviction;
import dev.podcheck.engine.eviction.MemoryEviction;
import dev.podcheck.engine.eviction.MemoryPressure;
import dev.podcheck.engine.eviction.PidEviction;
import dev.podcheck.engine.eviction.PodMemoryUse;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.pod.EmptyDirVolume;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongBiFunction;

/**
 * The eviction manager's monitoring loop (eviction_manager.go Start and synchronize, SEMANTICS E-3, E-4, NP-2, NP-3,
 * NP-6, NP-7, LS-1, LS-5): each pass first evicts every pod over a local ephemeral storage limit or an emptyDir
 * sizeLimit; when none is, it observes memory.available over the node's pods under a node memory condition and evicts
 * at most one of them when the hard threshold is met; when memory's threshold is not met, the node filesystem's
 * available bytes under a disk condition likewise, and when no disk threshold is met either, pid.available under a PID
 * condition. A pass that evicts nobody sleeps the monitoring interval; one that evicts waits for the pod's cleanup
 * (waitForPodsCleanup: a poll every second, up to 30 s) and passes again at once.
 */
final class EvictionLoop {
    /** eviction_manager.go podCleanupPollFreq. */
    static final long CLEANUP_POLL_MILLIS = 1_000;
    /** eviction_manager.go podCleanupTimeout. */
    static final long CLEANUP_TIMEOUT_MILLIS = 30_000;

    /** The node's pods, the scenario's own first: the kubelet's active pods are those of them still running. */
    private final List<PodWorker> pods;
    private final EventQueue queue;
    private final EngineOptions options;
    /** The node's memory conditions in time order; each holds from its time until the next one. */
    private final List<NodeMemoryPressure> conditions;

    /** The node's PID conditions in time order; each holds from its time until the next one. */
    private final List<NodePidPressure> pidConditions;
    /** The node's filesystem conditions in time order; each holds from its time until the next one. */
    private final List<NodeDiskPressure> diskConditions;
    /** Each pod's emptyDir volumes, by the pod's place in {@link #pods}. */
    private final List<List<EmptyDirVolume>> emptyDirs;

    /**
     * Whether the node needs the loop for local storage limits alone: some pod sets an ephemeral-storage limit or an
     * emptyDir sizeLimit. The kubelet runs the loop always; without limits or a memory condition a pass can do
     * nothing, so the engine skips it.
     */
    static boolean watchesLocalStorage(List<PodWorker> pods) {
        return pods.stream().anyMatch(p -> p.scenario.pod().spec().allContainers()
                .anyMatch(c -> c.resources().limit(ResourceRequirements.EPHEMERAL_STORAGE).isPresent())
                || EmptyDirVolume.of(p.scenario.pod().spec()).stream().anyMatch(EmptyDirVolume::limited));
    }

    EvictionLoop(List<PodWorker> pods, List<NodeMemoryPressure> conditions, List<NodePidPressure> pidConditions,
                 List<NodeDiskPressure> diskConditions) {
        this.pods = List.copyOf(pods);
        this.emptyDirs = this.pods.stream().map(p -> EmptyDirVolume.of(p.scenario.pod().spec())).toList();
        this.queue = pods.get(0).queue;
        this.options = pods.get(0).options;
        this.conditions = conditions.stream().sorted(Comparator.comparing(NodeMemoryPressure::at)).toList();
        this.pidConditions = pidConditions.stream().sorted(Comparator.comparing(NodePidPressure::at)).toList();
        this.diskConditions = diskConditions.stream().sorted(Comparator.comparing(NodeDiskPressure::at)).toList();
    }

    /**
     * The loop has run since the kubelet started: its first round after the first condition is on its period; with
     * local storage limits to watch, the round at 0.
     */
    void start() {
        long first = Math.min(Math.min(firstAt(conditions), firstAt(pidConditions)), firstAt(diskConditions));
        long from = watchesLocalStorage(pods) || first == Long.MAX_VALUE ? 0 : first;
        long period = options.timing().evictionLoopPeriod().toMillis();
        queue.at((from + period - 1) / period * period, this::round);
    }

    private static long firstAt(List<? extends WorldEvent> sorted) {
        return sorted.isEmpty() ? Long.MAX_VALUE : sorted.get(0).at().toMillis();
    }

    /** The condition in force now: the latest that has begun (the later one of two at the same time); none before. */
    private <T extends WorldEvent> Optional<T> now(List<T> sorted) {
        T current = null;
        for (T c : sorted) {
            if (c.at().toMillis() <= queue.now()) {
                current = c;
            }
        }
        return Optional.ofNullable(current);
    }

    /**
     * One synchronize over the active pods (kubelet_pods.go filterOutInactivePods: every pod not yet known terminated,
     * those being stopped too, NP-4): the local storage limits, then the node's signals; with none left the loop has
     * nothing to do.
     */
    private void round() {
        List<PodWorker> active = pods.stream().filter(p -> !p.terminated && !p.removed).toList();
        if (active.isEmpty()) {
            return; // no pod of the node can be evicted any more
        }
        List<PodWorker> evicted = localStorage(active);
        if (evicted.isEmpty()) {
            evicted = memory(active);
        }
        if (evicted.isEmpty() && !memoryThresholdMet(active)) { // byEvictionPriority: memory's threshold first
            // disk and pid thresholds keep the config's order, a map's; the engine takes disk's first (NP-7)
            evicted = diskThresholdMet() ? disk(active) : pids(active);
        }
        if (evicted.isEmpty()) {
            queue.at(queue.now() + options.timing().evictionLoopPeriod().toMillis(), this::round);
            return;
        }
        if (!options.has(Fault.EVICTION_LOOP_STOPS)) {
            long since = queue.now();
            List<PodWorker> cleaning = evicted;
            queue.at(since + CLEANUP_POLL_MILLIS, () -> waitForCleanup(cleaning, since));
        }
    }

    /** localStorageEviction: every active pod over a limit, each killed with the immediate grace (LS-1). */
    private List<PodWorker> localStorage(List<PodWorker> active) {
        if (options.has(Fault.LOCAL_STORAGE_LIMITS_IGNORED)) {
            return List.of();
        }
        List<PodWorker> evicted = new ArrayList<>();
        for (PodWorker pod : active) {
            Map<String, Long> disk = uses(pod, InstanceBehaviour::diskBytesAt);
            List<EmptyDirVolume> volumes = emptyDirs.get(pods.indexOf(pod));
            LocalStorageEviction.decide(pod.scenario.pod(), disk, volumes, volumeUses(pod, volumes), options.faults())
                    .ifPresent(message -> {
                        pod.termination.evict(LocalStorageEviction.RESOURCE, message, null,
                                EvictionGracePeriod.IMMEDIATE_SECONDS);
                        evicted.add(pod);
                    });
        }
        return evicted;
    }

    /** The memory threshold's pass: at most one pod, while a node memory condition is in effect. */
    private List<PodWorker> memory(List<PodWorker> active) {
        Optional<NodeMemoryPressure> condition = now(conditions);
        if (condition.isEmpty()) {
            return List.of();
        }
        List<PodMemoryUse> uses = active.stream().map(p -> PodMemoryUse.of(p.scenario.pod(), workingSets(p))).toList();
        MemoryPressure pressure = memoryPressure(condition.get(), active, uses);
        Optional<MemoryEviction> eviction = MemoryEviction.decide(pressure, uses, options.faults());
        if (eviction.isEmpty()) {
            return List.of();
        }
        List<PodWorker> evicted = new ArrayList<>(List.of(evict(eviction.get(), active, uses)));
        if (options.has(Fault.SEVERAL_EVICTED_PER_PASS)) {
            EvictionRanking.rankForMemory(uses).stream()
                    .filter(use -> !use.critical() && use != eviction.get().pod()).findFirst()
                    .flatMap(next -> MemoryEviction.decide(pressure, List.of(next), options.faults()))
                    .ifPresent(next -> evicted.add(evict(next, active, uses)));
        }
        return evicted;
    }

    /** memory.available is the node's: pods being stopped use their memory until their containers exit. */
    private MemoryPressure memoryPressure(NodeMemoryPressure condition, List<PodWorker> active, List<PodMemoryUse> uses) {
        return active.size() == pods.size() ? MemoryPressure.observe(condition, uses)
                : MemoryPressure.observe(condition, pods.stream()
                        .map(p -> PodMemoryUse.of(p.scenario.pod(), workingSets(p))).toList());
    }

    /** Whether memory's threshold is met now: the pass then reclaims memory, whatever else is met. */
    private boolean memoryThresholdMet(List<PodWorker> active) {
        if (pidConditions.isEmpty() && diskConditions.isEmpty()) {
            return true; // nothing else to reclaim
        }
        return now(conditions).map(c -> memoryPressure(c, active, active.stream()
                .map(p -> PodMemoryUse.of(p.scenario.pod(), workingSets(p))).toList()).thresholdMet()).orElse(false);
    }

    /** Whether a disk threshold is met now: the pass then reclaims ephemeral-storage, whatever pids do. */
    private boolean diskThresholdMet() {
        return now(diskConditions).flatMap(c -> c.thresholdMet(nodeDisk())).isPresent();
    }

    /** The disk thresholds' pass: at most one pod, ranked by rankDiskPressureFunc (NP-7). */
    private List<PodWorker> disk(List<PodWorker> active) {
        NodeDiskPressure condition = now(diskConditions).orElseThrow();
        List<DiskEviction.PodDisk> ranked = active.stream().map(p -> {
            Map<String, Long> containers = uses(p, InstanceBehaviour::diskBytesAt);
            return new DiskEviction.PodDisk(p.scenario.pod(), podDisk(p, containers), containers);
        }).toList();
        return DiskEviction.decide(condition, nodeDisk(), ranked, options.faults()).map(eviction -> {
            PodWorker pod = active.get(eviction.pod());
            pod.termination.evict(DiskEviction.RESOURCE, eviction.message(),
                    EvictionMessages.disruptionTarget(eviction.message()), EvictionGracePeriod.IMMEDIATE_SECONDS);
            return List.of(pod);
        }).orElse(List.of());
    }

    /** The filesystem's use by every pod on the node, pods being stopped too. */
    private long nodeDisk() {
        return pods.stream().mapToLong(p -> podDisk(p, uses(p, InstanceBehaviour::diskBytesAt))).sum();
    }

    /**
     * podDiskUsage: the containers' rootfs and logs, and the pod's emptyDirs on disk (a tmpfs is memory, LS-5), which
     * are torn down once the pod has terminated.
     */
    private long podDisk(PodWorker pod, Map<String, Long> containers) {
        long bytes = containers.values().stream().mapToLong(Long::longValue).sum();
        List<EmptyDirVolume> volumes = pod.terminated || pod.removed ? List.of() : emptyDirs.get(pods.indexOf(pod));
        Map<String, Long> written = volumeUses(pod, volumes);
        for (EmptyDirVolume volume : volumes) {
            bytes += volume.memoryBacked() ? 0 : written.get(volume.name());
        }
        return bytes;
    }

    /** The pid.available threshold's pass: at most one pod, ranked by priority then tasks (NP-6). */
    private List<PodWorker> pids(List<PodWorker> active) {
        Optional<NodePidPressure> condition = now(pidConditions);
        if (condition.isEmpty()) {
            return List.of();
        }
        long nodeTasks = pods.stream().mapToLong(this::tasks).sum(); // a pod being stopped still runs its tasks
        List<PidEviction.PodTasks> ranked = active.stream()
                .map(p -> new PidEviction.PodTasks(p.scenario.pod(), tasks(p))).toList();
        return PidEviction.decide(condition.get(), nodeTasks, ranked, options.faults()).map(eviction -> {
            PodWorker pod = active.get(eviction.pod());
            pod.termination.evict(PidEviction.RESOURCE, eviction.message(),
                    EvictionMessages.disruptionTarget(eviction.message()), EvictionGracePeriod.IMMEDIATE_SECONDS);
            return List.of(pod);
        }).orElse(List.of());
    }

    private long tasks(PodWorker pod) {
        return uses(pod, InstanceBehaviour::processesAt).values().stream().mapToLong(Long::longValue).sum();
    }

    private PodWorker evict(MemoryEviction eviction, List<PodWorker> active, List<PodMemoryUse> uses) {
        PodWorker pod = active.get(uses.indexOf(eviction.pod()));
        pod.termination.evict("memory", eviction.message(), eviction.disruptionTarget(), eviction.gracePeriodSeconds());
        return pod;
    }

    /** waitForPodsCleanup: the next pass once every evicted pod stopped (podResourcesAreReclaimed), or at the timeout. */
    private void waitForCleanup(List<PodWorker> evicted, long since) {
        boolean cleanedUp = evicted.stream().allMatch(p -> p.terminated || p.removed);
        if (cleanedUp || queue.now() - since >= CLEANUP_TIMEOUT_MILLIS) {
            round();
        } else {
            queue.at(queue.now() + CLEANUP_POLL_MILLIS, () -> waitForCleanup(evicted, since));
        }
    }

    /** The bytes in each of the pod's emptyDir volumes now: what every instance of its containers wrote (LS-5). */
    private Map<String, Long> volumeUses(PodWorker pod, List<EmptyDirVolume> volumes) {
        if (volumes.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> out = new LinkedHashMap<>();
        long now = queue.now();
        for (EmptyDirVolume volume : volumes) {
            out.put(volume.name(), pod.byName.values().stream()
                    .mapToLong(rec -> rec.volumeBytes(volume.name(), now)).sum());
        }
        return out;
    }

    /** The working set of each of the pod's running containers now, from its behaviour's memory steps. */
    private Map<String, Long> workingSets(PodWorker pod) {
        return uses(pod, InstanceBehaviour::memoryBytesAt);
    }

    /** What {@code use} reads of each of the pod's running containers now, since its start. */
    private Map<String, Long> uses(PodWorker pod, ToLongBiFunction<InstanceBehaviour, Duration> use) {
        Map<String, Long> out = new LinkedHashMap<>();
        long now = queue.now();
        for (ContainerRecord rec : pod.byName.values()) {
            if (rec.isRunning()) {
                Duration sinceStart = Duration.ofMillis(now - rec.current.startedAt);
                out.put(rec.name(), use.applyAsLong(rec.current.behaviour, sinceStart));
            }
        }
        return out;
    }
}
