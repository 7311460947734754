package dev.podcheck.spec.behaviour;

import dev.podcheck.spec.pod.Immutables;
import dev.podcheck.spec.pod.ProbeKind;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One container instance's behaviour. Times are relative to the moment the kubelet asks the
 * runtime to start the instance.
 *
 * @param times       how many consecutive instances this entry covers (at least 1)
 * @param startAfter  how long the runtime takes before the process runs (pull, create)
 * @param exit        when and how it exits by itself; null runs until stopped
 * @param startup     when startup checks pass
 * @param liveness    when liveness checks pass
 * @param readiness   when readiness checks pass
 * @param onSigterm   what it does when sent SIGTERM
 * @param memory      memory in use over time (steps); none means zero
 * @param postStart   how the postStart hook behaves, if the spec has one
 * @param preStop     how the preStop hook behaves, if the spec has one
 * @param terminationMessage what it has written to its terminationMessagePath when it ends; none is an
 *                    empty file (SEMANTICS TM-2)
 * @param log         the tail of what it has written to stdout and stderr when it ends, which
 *                    FallbackToLogsOnError reads (TM-3)
 * @param disk        bytes it has written to its writable layer and logs over time (steps); none means zero.
 *                    A new instance starts on a fresh layer (SEMANTICS LS-2)
 * @param volumes     bytes it has written to each of the pod's emptyDir volumes over time (steps), by volume name;
 *                    what it wrote stays in the volume when it ends, for the pod's life (SEMANTICS LS-5)
 * @param processes   how many tasks it runs over time (steps); none means zero (SEMANTICS NP-6)
 */
public record InstanceBehaviour(
        Integer times,
        Duration startAfter,
        Exit exit,
        Health startup,
        Health liveness,
        Health readiness,
        SigtermResponse onSigterm,
        List<MemoryUse> memory,
        HookBehaviour postStart,
        HookBehaviour preStop,
        String terminationMessage,
        String log,
        List<DiskUse> disk,
        Map<String, List<DiskUse>> volumes,
        List<ProcessCount> processes) {

    public static final InstanceBehaviour DEFAULT = new InstanceBehaviour(
            1, Duration.ZERO, null, Health.ALWAYS, Health.ALWAYS, Health.ALWAYS,
            SigtermResponse.DEFAULT, List.of(), HookBehaviour.INSTANT, HookBehaviour.INSTANT, "", "", List.of(),
            Map.of(), List.of());

    public InstanceBehaviour {
        times = times == null ? 1 : times;
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        startAfter = startAfter == null ? Duration.ZERO : startAfter;
        Durations.requireNonNegative("startAfter", startAfter);
        startup = startup == null ? Health.ALWAYS : startup;
        liveness = liveness == null ? Health.ALWAYS : liveness;
        readiness = readiness == null ? Health.ALWAYS : readiness;
        onSigterm = onSigterm == null ? SigtermResponse.DEFAULT : onSigterm;
        memory = Immutables.listOf("a memory step", memory);
        postStart = postStart == null ? HookBehaviour.INSTANT : postStart;
        preStop = preStop == null ? HookBehaviour.INSTANT : preStop;
        terminationMessage = terminationMessage == null ? "" : terminationMessage;
        log = log == null ? "" : log;
        disk = Immutables.listOf("a disk step", disk);
        volumes = Immutables.mapOf("a list of volume steps", volumes);
        if (!volumes.isEmpty()) { // each volume's steps frozen too
            Map<String, List<DiskUse>> frozen = new LinkedHashMap<>();
            volumes.forEach((name, steps) -> frozen.put(name, Immutables.listOf("a volume step", steps)));
            volumes = Immutables.map(frozen);
        }
        processes = Immutables.listOf("a process step", processes);
    }

    /** Runs no process the node counts. */
    public InstanceBehaviour(Integer times, Duration startAfter, Exit exit, Health startup, Health liveness,
                             Health readiness, SigtermResponse onSigterm, List<MemoryUse> memory,
                             HookBehaviour postStart, HookBehaviour preStop, String terminationMessage, String log,
                             List<DiskUse> disk, Map<String, List<DiskUse>> volumes) {
        this(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory, postStart, preStop,
                terminationMessage, log, disk, volumes, List.of());
    }

    /** Writes to no volume. */
    public InstanceBehaviour(Integer times, Duration startAfter, Exit exit, Health startup, Health liveness,
                             Health readiness, SigtermResponse onSigterm, List<MemoryUse> memory,
                             HookBehaviour postStart, HookBehaviour preStop, String terminationMessage, String log,
                             List<DiskUse> disk) {
        this(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory, postStart, preStop,
                terminationMessage, log, disk, Map.of());
    }

    /** Writes nothing to its writable layer. */
    public InstanceBehaviour(Integer times, Duration startAfter, Exit exit, Health startup, Health liveness,
                             Health readiness, SigtermResponse onSigterm, List<MemoryUse> memory,
                             HookBehaviour postStart, HookBehaviour preStop, String terminationMessage, String log) {
        this(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory, postStart, preStop,
                terminationMessage, log, List.of());
    }

    /** Writes no termination message and no log. */
    public InstanceBehaviour(Integer times, Duration startAfter, Exit exit, Health startup, Health liveness,
                             Health readiness, SigtermResponse onSigterm, List<MemoryUse> memory,
                             HookBehaviour postStart, HookBehaviour preStop) {
        this(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory, postStart, preStop, "", "");
    }

    public Health health(ProbeKind kind) {
        return switch (kind) {
            case startup -> startup;
            case liveness -> liveness;
            case readiness -> readiness;
        };
    }

    /** Memory in use at {@code sinceStart}: the latest step that has begun. */
    public long memoryBytesAt(Duration sinceStart) {
        return UseStep.latest(memory, sinceStart);
    }

    /** Bytes on its writable layer and logs at {@code sinceStart}: the latest disk step that has begun. */
    public long diskBytesAt(Duration sinceStart) {
        return UseStep.latest(disk, sinceStart);
    }

    /** Bytes it has written to volume {@code volume} by {@code sinceStart}: the latest step that has begun. */
    public long volumeBytesAt(String volume, Duration sinceStart) {
        List<DiskUse> steps = volumes.get(volume);
        return steps == null ? 0 : UseStep.latest(steps, sinceStart);
    }

    /** Tasks it runs at {@code sinceStart}: the latest process step that has begun. */
    public long processesAt(Duration sinceStart) {
        return UseStep.latest(processes, sinceStart);
    }

    public InstanceBehaviour withTimes(int n) {
        return new InstanceBehaviour(n, startAfter, exit, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, terminationMessage, log, disk, volumes, processes);
    }

    public InstanceBehaviour withStartAfter(Duration value) {
        return new InstanceBehaviour(times, value, exit, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, terminationMessage, log, disk, volumes, processes);
    }

    public InstanceBehaviour withExit(Exit value) {
        return new InstanceBehaviour(times, startAfter, value, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, terminationMessage, log, disk, volumes, processes);
    }

    public InstanceBehaviour withHealth(ProbeKind kind, Health value) {
        return new InstanceBehaviour(times, startAfter, exit,
                kind == ProbeKind.startup ? value : startup,
                kind == ProbeKind.liveness ? value : liveness,
                kind == ProbeKind.readiness ? value : readiness,
                onSigterm, memory, postStart, preStop, terminationMessage, log, disk, volumes, processes);
    }

    public InstanceBehaviour withOnSigterm(SigtermResponse value) {
        return new InstanceBehaviour(times, startAfter, exit, startup, liveness, readiness, value, memory,
                postStart, preStop, terminationMessage, log, disk, volumes, processes);
    }

    /** What this instance leaves in its terminationMessagePath file and log (TM-2, TM-3). */
    public InstanceBehaviour withOutput(String message, String logTail) {
        return new InstanceBehaviour(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, message, logTail, disk, volumes, processes);
    }

    /** Runs {@code steps} of tasks over time (NP-6). */
    public InstanceBehaviour withProcesses(List<ProcessCount> steps) {
        return new InstanceBehaviour(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, terminationMessage, log, disk, volumes, steps);
    }

    /** Writes {@code steps} to the pod's emptyDir volumes over time, by volume name (LS-5). */
    public InstanceBehaviour withVolumes(Map<String, List<DiskUse>> steps) {
        return new InstanceBehaviour(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, terminationMessage, log, disk, steps, processes);
    }

    /** Writes {@code steps} to its writable layer over time (LS-2). */
    public InstanceBehaviour withDisk(List<DiskUse> steps) {
        return new InstanceBehaviour(times, startAfter, exit, startup, liveness, readiness, onSigterm, memory,
                postStart, preStop, terminationMessage, log, steps, volumes, processes);
    }
}
