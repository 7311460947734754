package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.probe.ProbeTarget;
import dev.podcheck.engine.probe.ProbeWorker;
import dev.podcheck.engine.restart.CrashLoopBackOff;
import dev.podcheck.engine.status.PodConditions;
import dev.podcheck.engine.status.PodPhases;
import dev.podcheck.spec.behaviour.HookBehaviour;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.Hook;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pod on one simulated kubelet: the pod worker's SyncPod (kubelet.go, kuberuntime_manager.go
 * computePodActions) driven by the events a kubelet reacts to (PLEG relist, probe results,
 * back-off expiry, deletion, deadlines, eviction), in virtual time.
 */
public final class PodWorker {
    final Scenario scenario;
    final PodSpec spec;
    final EngineOptions options;
    final EventQueue queue = new EventQueue();
    final TraceRecorder trace = new TraceRecorder();
    final List<ContainerRecord> inits = new ArrayList<>();
    final List<ContainerRecord> regulars = new ArrayList<>();
    final Map<String, ContainerRecord> byName = new LinkedHashMap<>();
    final CrashLoopBackOff backOff;
    final ContainerKiller killer;
    final PodTermination termination;
    private final String defaultWaitingReason;

    private boolean initialized;
    private boolean busy;
    private boolean syncPending;
    private long nextSyncAt = Long.MAX_VALUE;
    /** Set once the kubelet decided the pod is done (SyncTerminatingPod): no more starts. */
    boolean terminating;
    /** All containers stopped after termination: getPhase(podIsTerminal=true). */
    boolean terminated;
    boolean removed;
    private PodPhase cachedPhase;
    /** DeadlineExceeded or Evicted: the reason and message that force phase Failed (ST-6). */
    String failedReason = "";
    String failedMessage = "";
    PodCondition disruption;

    public PodWorker(Scenario defaulted, EngineOptions options) {
        this.scenario = defaulted;
        this.spec = defaulted.pod().spec();
        this.options = options;
        this.backOff = new CrashLoopBackOff(options.profile().initialCrashLoopBackOff().toMillis(),
                options.profile().maxCrashLoopBackOff().toMillis());
        this.killer = new ContainerKiller(queue, trace, this::publish);
        this.termination = new PodTermination(this);
        this.defaultWaitingReason = spec.initContainers().isEmpty() ? "ContainerCreating" : "PodInitializing";
        for (Container c : spec.initContainers()) {
            add(c, c.isSidecar() ? ContainerRecord.Kind.SIDECAR : ContainerRecord.Kind.INIT, inits);
        }
        for (Container c : spec.containers()) {
            add(c, ContainerRecord.Kind.REGULAR, regulars);
        }
    }

    private void add(Container c, ContainerRecord.Kind kind, List<ContainerRecord> list) {
        ContainerRecord rec = new ContainerRecord(c, kind, scenario.behaviour(c.name()));
        list.add(rec);
        byName.put(c.name(), rec);
    }

    /** Simulates the pod up to the horizon and returns what was observable. */
    public Trace run() {
        trace.add(new TraceEvent.PodCreated(0, PodQOS.compute(scenario.pod()).name()));
        trace.add(new TraceEvent.KubeletEvent(0, "Scheduled", "", "Successfully assigned pod to node"));
        trace.phase(0, PodPhase.Pending, "", "");
        cachedPhase = PodPhase.Pending;
        new WorldEvents(this).schedule();
        queue.at(options.timing().podStartLatency().toMillis(), this::admit);
        queue.runUntil(options.horizon().toMillis());
        return trace.trace();
    }

    /** The pod's first sync on the node: statuses, probe workers (SEMANTICS S-1, P-3), then SyncPod. */
    private void admit() {
        if (terminating || removed) {
            return; // deleted before the kubelet got to it
        }
        publish();
        long t0 = queue.now() + options.timing().probeTickPhase().toMillis();
        for (ContainerRecord rec : byName.values()) {
            if (rec.kind == ContainerRecord.Kind.INIT) {
                continue; // regular init containers have no probes (V-14)
            }
            rec.spec.probeKinds().forEach(kind -> {
                ProbeWorker worker = new ProbeWorker(kind, rec.spec.probe(kind));
                rec.probes.put(kind, worker);
                scheduleTick(rec, worker, t0);
            });
        }
        if (spec.activeDeadlineSeconds() != null) {
            queue.at(queue.now() + spec.activeDeadlineSeconds() * 1000, termination::deadlineExceeded);
        }
        sync();
    }

    // ---- SyncPod ---------------------------------------------------------------------------

    /** Asks for a SyncPod at {@code at}; requests coalesce, and a busy worker runs it when done. */
    void requestSync(long at) {
        if (at >= nextSyncAt) {
            return;
        }
        nextSyncAt = at;
        queue.at(at, () -> {
            if (queue.now() == nextSyncAt) {
                nextSyncAt = Long.MAX_VALUE;
                sync();
            }
        });
    }

    void sync() {
        if (removed || terminating) {
            return;
        }
        if (busy) {
            syncPending = true;
            return;
        }
        Deque<ContainerRecord> toStart = new ArrayDeque<>();
        if (!initialized && !initActions(toStart)) {
            return;
        }
        if (initialized) {
            for (ContainerRecord sidecar : inits) {
                if (sidecar.isSidecar() && sidecar.hasObservedExit() && mayStart(sidecar)) {
                    toStart.add(sidecar);
                }
            }
            if (regularActions(toStart)) {
                return;
            }
        }
        startAll(toStart);
    }

    /**
     * computeInitContainerActions (SEMANTICS S-4..S-9): at most the next init container; a sidecar
     * lets the next one start once it runs and its startup probe passed. False when the pod failed.
     */
    private boolean initActions(Deque<ContainerRecord> toStart) {
        for (ContainerRecord rec : inits) {
            if (rec.current == null) {
                if (!rec.starting) {
                    toStart.add(rec);
                }
                return true;
            }
            if (rec.isSidecar()) {
                if (rec.hasObservedExit()) {
                    if (mayStart(rec)) {
                        toStart.add(rec);
                    }
                    return true;
                }
                if (!rec.started()) {
                    return true;
                }
                continue;
            }
            if (!rec.hasObservedExit()) {
                return true;
            }
            if (rec.current.exit.exitCode() == 0) {
                continue;
            }
            if (spec.restartPolicyValue() == RestartPolicy.Never) {
                termination.podDone(); // S-9: a failed init container under Never fails the pod
                return false;
            }
            if (mayStart(rec)) {
                toStart.add(rec);
            }
            return true;
        }
        initialized = true;
        return true;
    }

    /** Regular containers: first starts in spec order, restarts by policy; true if the pod is done. */
    private boolean regularActions(Deque<ContainerRecord> toStart) {
        boolean keepsRunning = false;
        for (ContainerRecord rec : regulars) {
            if (rec.current == null) {
                if (!rec.starting) {
                    toStart.add(rec);
                }
                keepsRunning = true;
            } else if (!rec.hasObservedExit()) {
                keepsRunning = true;
            } else if (shouldRestart(rec)) {
                keepsRunning = true;
                if (mayStart(rec)) {
                    toStart.add(rec);
                }
            }
        }
        if (!keepsRunning) {
            termination.podDone();
            return true;
        }
        return false;
    }

    /** ShouldContainerBeRestarted (pkg/kubelet/container/helpers.go, R-1) for an exited regular container. */
    private boolean shouldRestart(ContainerRecord rec) {
        return switch (spec.restartPolicyValue()) {
            case Always -> true;
            case OnFailure -> rec.current.exit.exitCode() != 0;
            case Never -> false;
        };
    }

    /** doBackOff: checks against the latest exit; in back-off the container waits as CrashLoopBackOff. */
    boolean mayStart(ContainerRecord rec) {
        if (rec.current == null || rec.current.exit == null) {
            return true;
        }
        long finishedAt = rec.current.exit.finishedAt();
        long now = queue.now();
        if (backOff.isInBackOffSince(rec.name(), finishedAt, now)) {
            long delay = backOff.delay(rec.name());
            String message = "back-off " + (delay / 1000) + "s restarting failed container=" + rec.name()
                    + " pod=" + podName();
            if (rec.waiting == null) {
                trace.add(new TraceEvent.KubeletEvent(now, "BackOff", rec.name(), "Back-off restarting failed container "
                        + rec.name() + " in pod " + podName()));
            }
            rec.waiting = new ContainerState.Waiting("CrashLoopBackOff", message);
            publish();
            requestSync(finishedAt + delay);
            return false;
        }
        backOff.next(rec.name(), finishedAt, now);
        return true;
    }

    String podName() {
        String name = scenario.pod().metadata().name();
        String namespace = scenario.pod().metadata().namespace();
        return (name == null ? "pod" : name) + "_" + (namespace == null ? "default" : namespace);
    }

    // ---- starting containers ---------------------------------------------------------------

    /** startContainer is synchronous (S-3): each start, pull and postStart included, delays the next. */
    private void startAll(Deque<ContainerRecord> toStart) {
        if (toStart.isEmpty()) {
            return;
        }
        busy = true;
        toStart.forEach(rec -> rec.starting = true);
        startNext(toStart);
    }

    private void startNext(Deque<ContainerRecord> toStart) {
        ContainerRecord rec = toStart.poll();
        if (rec == null || terminating) {
            toStart.forEach(r -> r.starting = false);
            busy = false;
            if (syncPending) {
                syncPending = false;
                requestSync(queue.now());
            }
            return;
        }
        // No status write here: SyncPod is busy starting it; the next status shows the new container.
        Instance inst = rec.newInstance();
        InstanceBehaviour b = inst.behaviour;
        queue.at(queue.now() + b.startAfter().toMillis(), () -> processStarted(rec, inst, toStart));
    }

    private void processStarted(ContainerRecord rec, Instance inst, Deque<ContainerRecord> toStart) {
        long now = queue.now();
        if (terminating) {
            // The pod is being stopped: SyncTerminatingPod cancels the sync that was starting it.
            rec.starting = false;
            startNext(toStart);
            return;
        }
        inst.startedAt = now;
        trace.add(new TraceEvent.KubeletEvent(now, "Created", rec.name(), "Created container " + rec.name()));
        trace.add(new TraceEvent.KubeletEvent(now, "Started", rec.name(), "Started container " + rec.name()));
        long exitAt = scheduleExit(rec, inst);
        boolean hasPostStart = rec.spec.lifecycle() != null && rec.spec.lifecycle().postStart() != null;
        if (!hasPostStart) {
            startReturned(rec, inst, toStart);
            return;
        }
        HookBehaviour hook = inst.behaviour.postStart();
        trace.add(new TraceEvent.HookStarted(now, rec.name(), Hook.postStart));
        // The hook execs into the container: if the process dies first, the hook fails with it.
        long hookEnd = now + hook.takes().toMillis();
        boolean diesFirst = exitAt < hookEnd;
        queue.at(diesFirst ? exitAt : hookEnd, () -> {
            boolean failed = diesFirst || hook.fails();
            trace.add(new TraceEvent.HookFinished(queue.now(), rec.name(), Hook.postStart, failed));
            if (diesFirst) {
                trace.add(new TraceEvent.KubeletEvent(queue.now(), "FailedPostStartHook", rec.name(),
                        "PostStartHook failed"));
            }
            if (hook.fails() && inst.exit == null) {
                // S-3: a failed postStart kills the container (FailedPostStartHook, normal grace).
                trace.add(new TraceEvent.KubeletEvent(queue.now(), "FailedPostStartHook", rec.name(),
                        "PostStartHook failed"));
                inst.visible = true;
                killer.kill(rec, podGraceSeconds(), "FailedPostStartHook", () -> true, () -> startReturned(rec, inst, toStart));
                return;
            }
            startReturned(rec, inst, toStart);
        });
    }

    private void startReturned(ContainerRecord rec, Instance inst, Deque<ContainerRecord> toStart) {
        inst.visible = true;
        rec.starting = false;
        publish();
        triggerReadiness(rec);
        // The kubelet sees the new state at its next relist, which asks for the next SyncPod.
        requestSync(nextRelist(queue.now()));
        startNext(toStart);
    }

    /** The process exits by itself, or the kernel OOM-kills it past its memory limit (E-11). */
    /** Schedules the exit the behaviour leads to, if any, and returns its time (MAX_VALUE for none). */
    private long scheduleExit(ContainerRecord rec, Instance inst) {
        long exitAt = Long.MAX_VALUE;
        int code = 0;
        String reason = "";
        if (inst.behaviour.exit() != null) {
            exitAt = inst.startedAt + inst.behaviour.exit().after().toMillis();
            code = inst.behaviour.exit().code();
            reason = code == 0 ? "Completed" : "Error";
        }
        Quantity limit = rec.spec.resources().limit(ResourceRequirements.MEMORY).orElse(null);
        if (limit != null) {
            for (MemoryUse step : inst.behaviour.memory()) {
                long at = inst.startedAt + step.from().toMillis();
                if (step.bytes().compareTo(limit) > 0 && at < exitAt) {
                    exitAt = at;
                    code = 137;
                    reason = "OOMKilled";
                    break;
                }
            }
        }
        if (exitAt == Long.MAX_VALUE) {
            return exitAt;
        }
        int exitCode = code;
        String exitReason = reason;
        queue.at(exitAt, () -> {
            if (inst.exit != null) {
                return;
            }
            inst.exit = new ContainerState.Terminated(exitCode, exitReason, "", inst.startedAt, queue.now());
            if (inst.killing) {
                if (inst.onExitWhileKilled != null) {
                    inst.onExitWhileKilled.run(); // StopContainer returns: the process is gone
                }
                return; // before the stop signal, the kill notices it when it would send it
            }
            queue.at(nextRelist(queue.now()), () -> {
                inst.observed = true;
                publish();
                sync();
            });
        });
        return exitAt;
    }

    /** PLEG relists every period: a runtime change is seen at the first relist at or after it. */
    long nextRelist(long t) {
        long period = options.timing().plegRelistPeriod().toMillis();
        return (t + period - 1) / period * period;
    }

    long podGraceSeconds() {
        return spec.terminationGracePeriodSeconds();
    }

    // ---- probes ----------------------------------------------------------------------------

    /** The worker's ticker; a manual trigger restarts it, so older ticks are dropped by generation. */
    private void scheduleTick(ContainerRecord rec, ProbeWorker worker, long at) {
        long[] generations = rec.tickGenerations;
        int kind = worker.kind().ordinal();
        long generation = ++generations[kind];
        queue.at(at, () -> {
            if (generations[kind] == generation) {
                probeTick(rec, worker);
            }
        });
    }

    /**
     * UpdatePodStatus triggers a readiness run at once while the result is not yet Success, e.g.
     * when a container has just started (prober_manager.go, SEMANTICS P-3, P-11).
     */
    private void triggerReadiness(ContainerRecord rec) {
        ProbeWorker readiness = rec.probes.get(ProbeKind.readiness);
        if (readiness != null && !Boolean.TRUE.equals(readiness.resultFor(rec.current.restartCount)) && rec.started()) {
            scheduleTick(rec, readiness, queue.now());
        }
    }

    private void probeTick(ContainerRecord rec, ProbeWorker worker) {
        if (removed || worker.isStopped()) {
            return;
        }
        long now = queue.now();
        Instance inst = rec.current;
        boolean visible = inst != null && inst.visible;
        boolean passes = visible && inst.exit == null
                && inst.behaviour.health(worker.kind()).passesAtMillis(now - inst.startedAt);
        ProbeTarget target = new ProbeTarget(visible ? inst.restartCount : -1,
                visible && (inst.exit == null || !inst.observed), visible ? inst.startedAt : 0, rec.started(),
                trace.phase().isTerminal(), termination.deletionRequested(), passes);
        ProbeWorker.Outcome outcome = worker.tick(now, target);
        if (outcome.ran()) {
            trace.add(new TraceEvent.ProbeResult(now, rec.name(), worker.kind(), outcome.success()));
            if (!outcome.success()) {
                trace.add(new TraceEvent.KubeletEvent(now, "Unhealthy", rec.name(), probeFailed(worker.kind())));
            }
        }
        if (outcome.committed() != null) {
            onProbeResult(rec, worker.kind(), outcome.committed());
        }
        if (!worker.isStopped()) {
            scheduleTick(rec, worker, now + worker.periodMillis());
        }
    }

    /** The Unhealthy event message, as constants: failing probes emit it at every period. */
    private static String probeFailed(ProbeKind kind) {
        return switch (kind) {
            case startup -> "Startup probe failed";
            case liveness -> "Liveness probe failed";
            case readiness -> "Readiness probe failed";
        };
    }

    /** A committed probe result: readiness and startup change the status; failures kill (P-8, P-9). */
    private void onProbeResult(ContainerRecord rec, ProbeKind kind, boolean success) {
        publish();
        if (kind == ProbeKind.readiness || terminating) {
            return;
        }
        if (success) {
            triggerReadiness(rec);
            requestSync(queue.now()); // a started sidecar lets the next init container start (S-5)
            return;
        }
        Instance inst = rec.current;
        if (inst == null || !inst.isRunning() || inst.killing) {
            return;
        }
        Long probeGrace = rec.spec.probe(kind).terminationGracePeriodSeconds();
        long grace = probeGrace != null ? probeGrace : podGraceSeconds();
        String message = "Container " + rec.name() + " failed " + kind + " probe, will be restarted";
        busy = true;
        killer.kill(rec, grace, message, () -> true, false, () -> restartAfterProbeKill(rec));
    }

    /** restarted in the same SyncPod unless the pod restartPolicy is Never (sidecars always, S-8). */
    private void restartAfterProbeKill(ContainerRecord rec) {
        busy = false;
        boolean restart = rec.isSidecar() || spec.restartPolicyValue() != RestartPolicy.Never;
        if (!restart || terminating) {
            publish();
        }
        if (restart && !terminating) {
            // doBackOff looks at the status taken before the kill: only an earlier exited instance
            // counts, so the first probe kill restarts at once (kuberuntime_manager.go doBackOff).
            ContainerState.Terminated earlier = rec.previousExit;
            if (earlier != null) {
                if (backOff.isInBackOffSince(rec.name(), earlier.finishedAt(), queue.now())) {
                    publish();
                    sync(); // in back-off: the next SyncPod waits it out from this exit
                    return;
                }
                backOff.next(rec.name(), earlier.finishedAt(), queue.now());
            }
            Deque<ContainerRecord> one = new ArrayDeque<>();
            one.add(rec);
            startAll(one);
        } else {
            sync();
        }
    }

    // ---- status ----------------------------------------------------------------------------

    /** generateAPIPodStatus + the status manager's merge (ST-5, ST-6, SM-3, ST-15), recorded when changed. */
    void publish() {
        long now = queue.now();
        Map<String, ContainerStatus> statuses = new LinkedHashMap<>();
        for (ContainerRecord rec : byName.values()) {
            ContainerStatus status = rec.status(defaultWaitingReason);
            statuses.put(rec.name(), status);
            trace.status(now, status);
        }
        PodPhase computed = PodPhases.phase(spec, statuses, terminated);
        if (terminated && (!failedReason.isEmpty() || !computed.isTerminal())) {
            // TerminatePod marks a pod that ends while Pending or Running as Failed (T-9).
            computed = PodPhase.Failed;
        }
        cachedPhase = PodPhases.next(cachedPhase, computed);
        boolean anyRunning = false;
        for (ContainerRecord rec : byName.values()) {
            anyRunning |= rec.isRunning();
        }
        PodPhase api = PodPhases.merged(trace.phase(), cachedPhase, anyRunning);
        boolean failedByKubelet = api == PodPhase.Failed && !failedReason.isEmpty();
        trace.phase(now, api, failedByKubelet ? failedReason : "", failedByKubelet ? failedMessage : "");
        List<PodCondition> conditions = PodConditions.forcedForTerminalPhase(
                PodConditions.kubeletOwned(spec, statuses, api, true, Map.of()), api);
        conditions.forEach(c -> trace.condition(now, c));
        if (disruption != null && api.isTerminal()) {
            trace.condition(now, disruption); // sent with the terminal phase only (ST-17)
        }
    }
}
