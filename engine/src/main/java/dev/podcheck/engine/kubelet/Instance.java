package dev.podcheck.engine.kubelet;

import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.trace.ContainerState;
import java.util.ArrayList;
import java.util.List;

/** One run of a container (one container ID): from the start request to its exit. */
final class Instance {
    final int restartCount;
    /**
     * Which instance of its container this is, counting every one the runtime ever created: the container ID the
     * probe workers key their results by. Not the restartCount, which starts again at 0 for an init container a lost
     * sandbox purged (SEMANTICS SB-5).
     */
    final int serial;
    final InstanceBehaviour behaviour;
    /** When the process runs; -1 while the runtime is still creating it. */
    long startedAt = -1;
    /** The kubelet's start call returned (postStart done): the API shows it Running (SEMANTICS S-3c). */
    boolean visible;
    /**
     * What a restarted kubelet of a release that keeps container status carried over from the API for this instance
     * until its startup (readiness) probe gives a result: started, and ready (the pod was Ready) (SEMANTICS KR-2a).
     */
    boolean startedKept;
    boolean readyKept;
    /** Set when the process exits; the kubelet learns it at {@link #observed}. */
    ContainerState.Terminated exit;
    boolean observed;
    /** A kill is under way: natural exits still count, restarts wait for the kill to finish. */
    boolean killing;
    /** Set while a preStop runs: a natural exit then ends the hook at once. */
    Runnable onExitDuringPreStop;
    /** Set while a stop signal is out: a natural exit then ends the kill at once. */
    Runnable onExitWhileKilled;
    /** What the first stop runs when the instance is gone; and whether that has happened. */
    Runnable killDone;
    boolean stopFinished;
    /** When the stop under way would send SIGKILL at the latest (ms). */
    long killDeadline;
    /** A later, shorter stop's deadline for SIGKILL (ms), or 0. */
    long killBy;
    /** Whether the end of a kill is published at once (see ContainerKiller.kill). */
    boolean publishExit = true;
    /** Who else waits for the kill under way (a pod stop joining a probe kill): run once it has exited. */
    final List<Runnable> stopWaiters = new ArrayList<>();

    Instance(int restartCount, int serial, InstanceBehaviour behaviour) {
        this.restartCount = restartCount;
        this.serial = serial;
        this.behaviour = behaviour;
    }

    boolean isRunning() {
        return startedAt >= 0 && exit == null;
    }
}
