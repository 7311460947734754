package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.Fault;
import dev.podcheck.engine.probe.ProbeWorker;
import dev.podcheck.engine.status.TerminationMessage;
import dev.podcheck.spec.behaviour.ContainerBehaviour;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Everything the kubelet tracks for one container of the spec, across its instances. */
final class ContainerRecord {
    enum Kind { INIT, SIDECAR, REGULAR }

    /** The container as last updated: an accepted update may change its image (SEMANTICS SU-2). */
    Container spec;
    final Kind kind;
    final ContainerBehaviour behaviour;
    private final Set<Fault> faults;
    final Map<ProbeKind, ProbeWorker> probes = new EnumMap<>(ProbeKind.class);
    /** Per probe kind (by ordinal), the generation of its worker's ticker: a manual trigger restarts it. */
    final long[] tickGenerations = new long[ProbeKind.values().length];
    Instance current;
    /** The instance before {@link #current}, and the termination before that one. */
    private Instance previous;
    private ContainerState.Terminated beforePrevious;
    /** The termination of the instance before {@link #current}: status lastState. */
    ContainerState.Terminated previousExit;
    /** The reasonCache entry shown as Waiting while the container is not running (CrashLoopBackOff). */
    ContainerState.Waiting waiting;
    /** TerminatePod's verdict on a container that was not running at the end (T-9). */
    ContainerState.Terminated unknownAtTermination;
    /** A start is queued or under way in the current sync. */
    boolean starting;
    /** How many instances the runtime created for this container: the next one's serial. */
    private int created;
    /** The restartCount the next instance gets after a lost sandbox purged this init container (SB-5), or -1. */
    private int countAfterPurge = -1;
    /** The API's old terminated status of an init container the runtime no longer lists (SB-5), until it runs again. */
    private ContainerStatus purgedStatus;

    /** What the instances before {@link #current} left in the pod's emptyDir volumes, by volume (LS-5); null if none. */
    private Map<String, Long> volumesLeft;

    /** How many containers the pod has: they share the status' room for termination messages (TM-4). */
    private final int podContainers;

    ContainerRecord(Container spec, Kind kind, ContainerBehaviour behaviour, Set<Fault> faults, int podContainers) {
        this.spec = spec;
        this.kind = kind;
        this.behaviour = behaviour;
        this.faults = faults;
        this.podContainers = podContainers;
    }

    /** The runtime's record of {@code inst} exiting, with the termination message the kubelet reads for it. */
    ContainerState.Terminated exit(Instance inst, int exitCode, String reason, String signal, long finishedAt) {
        int fileCap = faults.contains(Fault.TERMINATION_MESSAGE_NOT_CAPPED) ? Integer.MAX_VALUE
                : TerminationMessage.MAX_FILE_BYTES;
        String message = TerminationMessage.of(spec, inst.behaviour, exitCode, podContainers, fileCap,
                !faults.contains(Fault.LOG_FALLBACK_IGNORED));
        return new ContainerState.Terminated(exitCode, reason, signal, inst.startedAt, finishedAt, message);
    }

    String name() {
        return spec.name();
    }

    /**
     * The crash-loop back-off's key: GetStableKey is the pod, the container's name and its spec hash,
     * so a new image starts a new back-off (SEMANTICS SU-3).
     */
    String backOffKey() {
        return spec.name() + "_" + spec.image();
    }

    boolean isSidecar() {
        return kind == Kind.SIDECAR;
    }

    Instance newInstance() {
        int count = current == null ? Math.max(countAfterPurge, 0) : current.restartCount + 1;
        leaveVolumes(current);
        if (current != null && current.exit != null) {
            beforePrevious = previousExit;
            previousExit = current.exit;
            previous = current;
        }
        // The behaviour goes by the instances that ran, whatever the count says after a purge.
        current = new Instance(count, created, behaviour.forInstance(created));
        created++;
        countAfterPurge = -1;
        purgedStatus = null;
        waiting = null;
        return current;
    }

    /**
     * purgeInitContainers (SEMANTICS SB-3, SB-5): the runtime forgets this init container and its logs. The API keeps
     * its last status until it runs again; its next restartCount is one more than now when the same SyncPod starts it
     * again (the pod status it read still lists it), else 0 (no log left to count from).
     */
    void purge(boolean restartedInSameSync, String defaultWaitingReason) {
        if (current == null) {
            return;
        }
        purgedStatus = status(defaultWaitingReason);
        leaveVolumes(current);
        countAfterPurge = restartedInSameSync ? current.restartCount + 1 : 0;
        current = null;
        previous = null;
        previousExit = null;
        beforePrevious = null;
        waiting = null;
    }

    boolean isRunning() {
        return current != null && current.isRunning();
    }

    /**
     * The bytes this container's instances have written to emptyDir {@code volume} by {@code now}: what ended instances
     * left there and what the current one wrote so far (until its exit). Files outlive the instance (LS-5).
     */
    long volumeBytes(String volume, long now) {
        long left = volumesLeft == null ? 0 : volumesLeft.getOrDefault(volume, 0L);
        return left + written(current, volume, now);
    }

    private static long written(Instance inst, String volume, long now) {
        if (inst == null || inst.startedAt < 0) {
            return 0;
        }
        long end = inst.exit == null ? now : Math.min(now, inst.exit.finishedAt());
        return inst.behaviour.volumeBytesAt(volume, Duration.ofMillis(end - inst.startedAt));
    }

    /** Keeps what an instance that is being replaced wrote to the volumes. */
    private void leaveVolumes(Instance inst) {
        if (inst == null || inst.behaviour.volumes().isEmpty() || inst.exit == null) {
            return;
        }
        if (volumesLeft == null) {
            volumesLeft = new HashMap<>();
        }
        for (String volume : inst.behaviour.volumes().keySet()) {
            volumesLeft.merge(volume, written(inst, volume, inst.exit.finishedAt()), Long::sum);
        }
    }

    /** The kubelet knows the latest instance has exited. */
    boolean hasObservedExit() {
        return current != null && current.exit != null && current.observed;
    }

    /**
     * started (SEMANTICS P-11): running and, with a startup probe, its result is Success; without a result yet, what
     * a restarted kubelet kept (KR-2a).
     */
    boolean started() {
        if (current == null || !current.visible || current.exit != null) {
            return false;
        }
        ProbeWorker startup = probes.get(ProbeKind.startup);
        return startup == null || resultOr(startup, current.startedKept);
    }

    /** ready (P-11): started, and readiness Success when there is a readiness probe. */
    boolean ready() {
        if (kind == Kind.INIT) {
            return hasObservedExit() && current.exit.exitCode() == 0;
        }
        if (!started()) {
            return false;
        }
        ProbeWorker readiness = probes.get(ProbeKind.readiness);
        return readiness == null || faults.contains(Fault.READY_WITHOUT_READINESS)
                || resultOr(readiness, current.readyKept);
    }

    /** The worker's result for the current instance, else (no result yet) {@code kept}. */
    private boolean resultOr(ProbeWorker worker, boolean kept) {
        Boolean result = worker.resultFor(current.serial);
        return result == null ? kept : result;
    }

    /** The API status entry as the kubelet would write it now (convertToAPIContainerStatuses). */
    ContainerStatus status(String defaultWaitingReason) {
        if (current == null && unknownAtTermination != null) {
            return new ContainerStatus(name(), unknownAtTermination, null, 0, false, false);
        }
        if (current == null && purgedStatus != null) {
            return purgedStatus;
        }
        if (current == null) {
            ContainerState state = waiting != null ? waiting : ContainerState.waiting(defaultWaitingReason);
            return new ContainerStatus(name(), state, null, 0, false, false);
        }
        if (current.startedAt < 0 && previous != null && unknownAtTermination == null) {
            // The new container does not exist yet (image pull, create): the runtime still lists the old one.
            return new ContainerStatus(name(), previous.exit, beforePrevious, reported(previous), false, false);
        }
        ContainerState state;
        ContainerState last = previousExit;
        if (unknownAtTermination != null) {
            state = unknownAtTermination;
            last = current.exit != null ? current.exit : previousExit;
        } else if (current.exit != null && current.observed) {
            if (waiting != null) {
                state = waiting;
                last = current.exit;
            } else {
                state = current.exit;
            }
        } else if (current.visible) {
            state = new ContainerState.Running(current.startedAt);
        } else {
            state = waiting != null ? waiting : ContainerState.waiting(defaultWaitingReason);
        }
        if (unknownAtTermination != null) {
            return new ContainerStatus(name(), state, last, reported(current), false, false);
        }
        boolean isInit = kind == Kind.INIT;
        boolean started = isInit ? current.visible && current.exit == null : started();
        return new ContainerStatus(name(), state, last, reported(current), ready(), started);
    }

    /** The restartCount the status shows for an instance: how many instances ran before it. */
    private int reported(Instance inst) {
        return faults.contains(Fault.RESTART_COUNT_RESET) ? 0 : inst.restartCount;
    }
}
