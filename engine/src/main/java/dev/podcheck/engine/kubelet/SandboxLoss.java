package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.Fault;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The pod's sandbox, lost and created again (SEMANTICS SB-1..SB-5): the runtime stops it with every container in it
 * (CRI StopPodSandbox, a node reboot); the next SyncPod finds no ready sandbox (runtimeutil.PodSandboxChanged) and
 * computePodActions' createPodSandbox branch decides: under restartPolicy Never the pod is done, otherwise the kubelet
 * purges the init containers, creates a sandbox with the next attempt and starts init container 0 (or, without init
 * containers, the regular ones) in the same SyncPod.
 */
final class SandboxLoss {
    static final String SANDBOX_CHANGED_MESSAGE = "Pod sandbox changed, it will be killed and re-created.";
    /** What the runtime's kill leaves: SIGKILL (SB-1). */
    static final int KILLED_EXIT_CODE = 137;

    private final PodWorker pod;
    /** The runtime has no ready sandbox for the pod: PodReadyToStartContainers is False (S-13). */
    private boolean lost;
    /** The CRI sandbox's metadata.attempt of the pod's current sandbox. */
    private int attempt;

    SandboxLoss(PodWorker pod) {
        this.pod = pod;
    }

    /** GeneratePodReadyToStartContainersCondition: True iff no new sandbox is needed. */
    boolean ready() {
        return !lost;
    }

    /** PodSandboxChanged: the next SyncPod must create a sandbox. */
    boolean changed() {
        return lost;
    }

    /** The world's part (SB-1): the sandbox and every running container stop at once; PLEG sees it at its next relist. */
    void lose() {
        long now = pod.queue.now();
        pod.trace.add(new TraceEvent.SandboxLost(now));
        if (pod.removed || !pod.admitted() || pod.terminated) {
            return; // no sandbox yet (the first SyncPod creates one), or none any more
        }
        lost = true;
        pod.byName.values().forEach(rec -> killedWithSandbox(rec, now));
        pod.relistAt(pod.nextRelist(now));
    }

    private static void killedWithSandbox(ContainerRecord rec, long now) {
        Instance inst = rec.current;
        if (inst == null || !inst.isRunning()) {
            return;
        }
        inst.exit = rec.exit(inst, KILLED_EXIT_CODE, "Error", "", now);
        if (inst.killing) {
            // A kill under way ends with the process: StopContainer returns, a preStop exec fails.
            if (inst.onExitWhileKilled != null) {
                inst.onExitWhileKilled.run();
            } else if (inst.onExitDuringPreStop != null) {
                inst.onExitDuringPreStop.run();
            }
        }
    }

    /** computePodActions' createPodSandbox branch and SyncPod steps 2 to 6 (SB-3); the SyncPod under way is this one. */
    void recreate() {
        long now = pod.queue.now();
        boolean anyCreated = pod.byName.values().stream().anyMatch(rec -> rec.current != null);
        pod.byName.values().forEach(rec -> {
            killedWithSandbox(rec, now); // one started into the lost sandbox since: KillPod stops it
            if (rec.current != null && rec.current.exit != null && !rec.current.killing) {
                rec.current.observed = true;
            }
        });
        if (pod.spec.restartPolicyValue() == RestartPolicy.Never && anyCreated) {
            pod.termination.podDone(); // attempt != 0 and container statuses: KillPod, no new sandbox
            return;
        }
        if (pod.options.has(Fault.SANDBOX_NOT_RECREATED)) {
            return;
        }
        pod.trace.add(new TraceEvent.KubeletEvent(now, "SandboxChanged", "", SANDBOX_CHANGED_MESSAGE));
        Deque<ContainerRecord> toStart = pod.inits.isEmpty() || pod.options.has(Fault.INIT_NOT_RERUN_AFTER_SANDBOX_LOSS)
                ? regularsToStart() : firstInitAgain();
        lost = false;
        attempt++;
        pod.trace.add(new TraceEvent.SandboxCreated(now, attempt));
        if (toStart.isEmpty()) {
            pod.publish(); // the new sandbox shows; starts wait for their back-off (doBackOff asked for the retry)
            return;
        }
        pod.starts.startAll(toStart);
    }

    /**
     * purgeInitContainers, then InitContainersToStart = [0] (SB-3, SB-5): doBackOff judges init container 0 on the pod
     * status read before the purge, and only a start in this SyncPod counts on from that status.
     */
    private Deque<ContainerRecord> firstInitAgain() {
        ContainerRecord first = pod.inits.get(0);
        boolean starts = pod.mayStart(first);
        for (int i = 0; i < pod.inits.size(); i++) {
            pod.inits.get(i).purge(i == 0 && starts, pod.defaultWaitingReason());
        }
        pod.initializeAgain();
        Deque<ContainerRecord> toStart = new ArrayDeque<>();
        if (starts) {
            toStart.add(first);
        }
        return toStart;
    }

    /** containersToStart: every regular container but those that succeeded under OnFailure, each through doBackOff. */
    private Deque<ContainerRecord> regularsToStart() {
        Deque<ContainerRecord> toStart = new ArrayDeque<>();
        for (ContainerRecord rec : pod.regulars) {
            boolean succeeded = rec.current != null && rec.current.exit != null && rec.current.exit.exitCode() == 0;
            if (pod.spec.restartPolicyValue() == RestartPolicy.OnFailure && succeeded) {
                continue;
            }
            if (pod.mayStart(rec)) {
                toStart.add(rec);
            }
        }
        return toStart;
    }
}
