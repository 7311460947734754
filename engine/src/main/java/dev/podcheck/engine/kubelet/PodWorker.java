package dev.podcheck.engine.kubelet;

import dev.podcheck.engine.EngineOptions;
import dev.podcheck.engine.Fault;
import dev.podcheck.engine.images.ImagePulls;
import dev.podcheck.engine.probe.ProbeWorker;
import dev.podcheck.engine.restart.Backoff;
import dev.podcheck.engine.status.PodConditions;
import dev.podcheck.engine.status.PodPhases;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.qos.PodQOS;
import dev.podcheck.spec.scenario.PatchCondition;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodCondition;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
    /** The node's clock: a pod's own, or shared by every pod of a node scenario (NP-1). */
    final EventQueue queue;
    final TraceRecorder trace = new TraceRecorder();
    final List<ContainerRecord> inits = new ArrayList<>();
    final List<ContainerRecord> regulars = new ArrayList<>();
    final Map<String, ContainerRecord> byName = new LinkedHashMap<>();
    final Backoff backOff;
    final ContainerKiller killer;
    final PodTermination termination;
    final ContainerStarts starts = new ContainerStarts(this);
    final ProbeDriver probes = new ProbeDriver(this);
    final ImagePulls images;
    final ImageSteps imageSteps = new ImageSteps(this);
    final SpecUpdates updates;
    final SandboxLoss sandbox = new SandboxLoss(this);
    final KubeletRestart kubeletRestart = new KubeletRestart(this);
    private final String defaultWaitingReason;

    private boolean initialized;
    /** status.startTime: the pod's first sync on the node; -1 before it. */
    private long admittedAt = -1;
    /** activeDeadlineSeconds as created or last updated, and which timer counts: an update replaces it (SU-4). */
    private Long deadlineSeconds;
    private long deadlineGeneration;
    boolean busy;
    /** SyncPod actions that came while one was busy (probe kills), run when it returns. */
    final List<Runnable> whenIdle = new ArrayList<>();
    /** The relists already on the timeline. */
    private final java.util.Set<Long> relists = new java.util.HashSet<>();
    boolean syncPending;
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
    /** The status of conditions clients patched (readiness gates'), by type; absent ones do not exist (ST-14). */
    private final Map<String, Boolean> patchedConditions = new HashMap<>();
    /** Counts the patches: the conditions depend on them. */
    private int patches;
    /**
     * What the last publish computed its phase and conditions from, and the phase: both are pure functions of the
     * statuses and these, and a pod publishes at every probe result and sync, mostly with nothing changed.
     */
    private PodPhase lastComputedPhase;
    private boolean lastTerminated;
    private PodPhase lastApiPhase;
    private boolean lastSandboxReady;
    private int lastPatches = -1;

    public PodWorker(Scenario defaulted, EngineOptions options) {
        this(defaulted, options, new EventQueue());
    }

    /** One pod of a node scenario, on the node's clock. */
    PodWorker(Scenario defaulted, EngineOptions options, EventQueue queue) {
        this.queue = queue;
        this.scenario = defaulted;
        this.spec = defaulted.pod().spec();
        this.options = options;
        this.backOff = new Backoff(options.profile().initialCrashLoopBackOff().toMillis(),
                options.profile().maxCrashLoopBackOff().toMillis(), options.faults());
        this.killer = new ContainerKiller(queue, trace, this::publish, options);
        this.termination = new PodTermination(this);
        this.images = new ImagePulls(defaulted, options.faults());
        this.updates = new SpecUpdates(this);
        this.defaultWaitingReason = spec.initContainers().isEmpty() ? "ContainerCreating" : "PodInitializing";
        this.deadlineSeconds = spec.activeDeadlineSeconds();
        for (Container c : spec.initContainers()) {
            add(c, c.isSidecar() ? ContainerRecord.Kind.SIDECAR : ContainerRecord.Kind.INIT, inits);
        }
        for (Container c : spec.containers()) {
            add(c, ContainerRecord.Kind.REGULAR, regulars);
        }
    }

    private void add(Container c, ContainerRecord.Kind kind, List<ContainerRecord> list) {
        ContainerRecord rec = new ContainerRecord(c, kind, scenario.behaviour(c.name()), options.faults(),
                spec.initContainers().size() + spec.containers().size());
        list.add(rec);
        byName.put(c.name(), rec);
    }

    /** Simulates the pod up to the horizon and returns what was observable. */
    public Trace run() {
        begin(List.of(this));
        queue.runUntil(options.horizon().toMillis());
        return trace.trace();
    }

    /** What was observable of the pod so far. */
    Trace trace() {
        return trace.trace();
    }

    /** The pod's creation at 0, its world events and its first sync on the timeline; {@code node} are the node's pods. */
    void begin(List<PodWorker> node) {
        Pod classified = scenario.pod();
        if (options.has(Fault.QOS_IGNORES_INIT_CONTAINERS)) {
            classified = classified.withSpec(classified.spec().withInitContainers(List.of()));
        }
        trace.add(new TraceEvent.PodCreated(0, PodQOS.compute(classified).name()));
        trace.add(new TraceEvent.KubeletEvent(0, "Scheduled", "", "Successfully assigned pod to node"));
        trace.phase(0, PodPhase.Pending, "", "");
        cachedPhase = PodPhase.Pending;
        new WorldEvents(this).schedule(node);
        queue.at(options.timing().podStartLatency().toMillis(), this::admit);
    }

    /** The pod's first sync on the node: statuses, probe workers (SEMANTICS S-1, P-3), then SyncPod. */
    private void admit() {
        if (terminating || removed) {
            return; // deleted before the kubelet got to it
        }
        publish();
        startProbeWorkers();
        admittedAt = queue.now();
        activeDeadline(deadlineSeconds);
        sync();
    }

    /**
     * probeManager.AddPod (P-1, P-3): a new worker per probe of every container but regular init containers, ticking
     * from the worker phase on. A kubelet restart builds them all anew (KR-2), except those already stopped.
     */
    void startProbeWorkers() {
        long t0 = queue.now() + options.timing().probeTickPhase().toMillis();
        for (ContainerRecord rec : byName.values()) {
            if (rec.kind == ContainerRecord.Kind.INIT) {
                continue; // regular init containers have no probes (V-14)
            }
            rec.spec.probeKinds().forEach(kind -> {
                ProbeWorker old = rec.probes.get(kind);
                if (old != null && old.isStopped()) {
                    return; // stopped for a pod being stopped (T-5): the restarted kubelet does not start it again
                }
                ProbeWorker worker = new ProbeWorker(kind, rec.spec.probe(kind), options.faults(), options.profile());
                rec.probes.put(kind, worker);
                probes.scheduleTick(rec, worker, t0);
            });
        }
    }

    /** The pod's first sync happened: it has a sandbox, a startTime and probe workers. */
    boolean admitted() {
        return admittedAt >= 0;
    }

    /** A new sandbox: the pod counts as initialized again only once its init containers have run again (SB-4). */
    void initializeAgain() {
        initialized = false;
    }

    String defaultWaitingReason() {
        return defaultWaitingReason;
    }

    /**
     * activeDeadlineSeconds counted from status.startTime (AD-1), at admission or when an update sets or
     * lowers it (SU-4): the sync the update causes fails the pod at once if the new deadline has passed.
     */
    void activeDeadline(Long seconds) {
        deadlineSeconds = seconds;
        deadlineGeneration++;
        if (seconds == null || admittedAt < 0 || options.has(Fault.ACTIVE_DEADLINE_IGNORED)) {
            return; // before admission: admit() schedules it
        }
        long generation = deadlineGeneration;
        queue.at(Math.max(queue.now(), admittedAt + seconds * 1000), () -> {
            if (generation == deadlineGeneration) {
                termination.deadlineExceeded();
            }
        });
    }

    // ---- SyncPod ---------------------------------------------------------------------------

    /** The SyncPod under way returned: deferred actions run, then a sync asked for meanwhile. */
    void idle() {
        busy = false;
        if (!whenIdle.isEmpty()) {
            // After the caller has finished its own SyncPod step (a restart may make it busy again).
            queue.at(queue.now(), () -> {
                while (!busy && !whenIdle.isEmpty()) {
                    whenIdle.remove(0).run();
                }
            });
        }
        if (!busy && syncPending) {
            syncPending = false;
            requestSync(queue.now());
        }
    }

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
        publish(); // generateAPIPodStatus runs at the start of every SyncPod, not while one is busy
        if (sandbox.changed()) {
            sandbox.recreate(); // computePodActions' createPodSandbox branch decides alone (SB-3)
            return;
        }
        Deque<ContainerRecord> toStart = new ArrayDeque<>();
        if (!initialized) {
            // initActions restarts the exited sidecars itself, also in the sync that finds the pod initialized
            if (!initActions(toStart)) {
                return;
            }
        } else {
            for (ContainerRecord sidecar : inits) {
                if (sidecar.isSidecar() && sidecar.hasObservedExit() && mayStart(sidecar)) {
                    toStart.add(sidecar);
                }
            }
        }
        if ((initialized || options.has(Fault.APP_STARTS_BEFORE_INIT_ENDS)) && regularActions(toStart)) {
            return;
        }
        starts.startAll(toStart);
    }

    /**
     * computeInitContainerActions (SEMANTICS S-4..S-9): at most the next init container; a sidecar
     * lets the next one start once it runs and its startup probe passed. False when the pod failed.
     * The kubelet judges progress by the last init container that has run (it scans from the end);
     * every sidecar before it counts as initialized and is restarted when it exited, whatever the
     * sidecars between are doing, and a failed start of one is skipped (kuberuntime_manager.go
     * SyncPod step 6), so a sidecar in back-off never holds back the restart of a later one.
     */
    private boolean initActions(Deque<ContainerRecord> toStart) {
        boolean failedUnderNever = spec.restartPolicyValue() == RestartPolicy.Never && inits.stream().anyMatch(
                rec -> !rec.isSidecar() && rec.hasObservedExit() && rec.current.exit.exitCode() != 0);
        if (failedUnderNever) {
            termination.podDone(); // S-9: whatever a sidecar is doing, the failed init container ends the pod
            return false;
        }
        int last = lastThatRan();
        for (ContainerRecord rec : inits.subList(0, Math.max(last, 0))) {
            if (rec.isSidecar() && rec.hasObservedExit() && mayStart(rec)) {
                toStart.add(rec);
            }
        }
        for (ContainerRecord rec : inits.subList(Math.max(last, 0), inits.size())) {
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
            if (mayStart(rec)) {
                toStart.add(rec);
            }
            return true;
        }
        initialized = true;
        return true;
    }

    /** The index of the last init container with a status of its own, -1 before the first start. */
    private int lastThatRan() {
        for (int i = inits.size() - 1; i >= 0; i--) {
            if (inits.get(i).current != null) {
                return i;
            }
        }
        return -1;
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
            case OnFailure -> rec.current.exit.exitCode() != 0 || options.has(Fault.ON_FAILURE_RESTARTS_AFTER_SUCCESS);
            case Never -> options.has(Fault.NEVER_RESTARTS_ANYWAY);
        };
    }

    /** pkg/kubelet/kubelet.go backOffPeriod: how long the pod worker waits before it retries a failed SyncPod. */
    static final long WORKER_BACK_OFF_MILLIS = 10_000;

    /** doBackOff: checks against the latest exit; in back-off the container waits as CrashLoopBackOff. */
    boolean mayStart(ContainerRecord rec) {
        if (rec.current == null || rec.current.exit == null) {
            return true;
        }
        long finishedAt = rec.current.exit.finishedAt();
        long now = queue.now();
        if (backOff.isInBackOffSince(rec.backOffKey(), finishedAt, now)) {
            long delay = backOff.delay(rec.backOffKey());
            String message = "back-off " + (delay / 1000) + "s restarting failed container=" + rec.name()
                    + " pod=" + podName();
            if (rec.waiting == null) {
                trace.add(new TraceEvent.KubeletEvent(now, "BackOff", rec.name(), "Back-off restarting failed container "
                        + rec.name() + " in pod " + podName()));
            }
            // The reason cache: the status shows it from the next SyncPod on, which generates the status
            // before acting; until then the container shows Terminated. A real kubelet shows exactly this.
            rec.waiting = new ContainerState.Waiting("CrashLoopBackOff", message);
            // A SyncPod that hits back-off fails, and the pod worker re-queues the pod after backOffPeriod
            // (pkg/kubelet/pod_workers.go completeWork; kubelet.go backOffPeriod 10 s, jittered up to 15 s
            // there, its lower bound here): the container starts at the first such sync past its back-off.
            requestSync(now + WORKER_BACK_OFF_MILLIS);
            return false;
        }
        backOff.next(rec.backOffKey(), finishedAt, now);
        return true;
    }

    String podName() {
        String name = scenario.pod().metadata().name();
        String namespace = scenario.pod().metadata().namespace();
        return (name == null ? "pod" : name) + "_" + (namespace == null ? "default" : namespace);
    }

    /**
     * One PLEG relist: every exit since the last one is seen together, then one SyncPod decides
     * (two containers ending in the same period are one pod status, one set of actions).
     */
    void relistAt(long at) {
        if (!relists.add(at)) {
            return;
        }
        queue.at(at, () -> {
            relists.remove(at);
            for (ContainerRecord rec : byName.values()) {
                Instance inst = rec.current;
                if (inst != null && inst.exit != null && !inst.killing) {
                    inst.observed = true;
                }
            }
            if (terminating) {
                publish(); // no more SyncPods, but the status still learns of the exit
            } else {
                sync();
            }
        });
    }

    /** PLEG relists every period: a runtime change is seen at the first relist at or after it. */
    long nextRelist(long t) {
        long period = options.timing().plegRelistPeriod().toMillis();
        return (t + period - 1) / period * period;
    }

    long podGraceSeconds() {
        return spec.terminationGracePeriodSeconds();
    }

    // ---- status ----------------------------------------------------------------------------

    /**
     * A client's status patch of a condition the kubelet does not own. The kubelet keeps it (SM-1)
     * and, as for any update of the pod, its pod worker syncs, which recomputes Ready (RG-3).
     */
    void patchCondition(PatchCondition patch) {
        if (removed) {
            return; // nothing to patch
        }
        long now = queue.now();
        trace.add(new TraceEvent.ConditionPatched(now, patch.type(), patch.status()));
        if (options.has(Fault.GATE_PATCHES_UNSEEN)) {
            return;
        }
        patchedConditions.put(patch.type(), patch.isTrue());
        patches++;
        if (terminating) {
            publish(); // SyncTerminatingPod generates the status too
        } else {
            requestSync(now); // after the pod's first sync when patched at its creation
        }
    }

    /** generateAPIPodStatus + the status manager's merge (ST-5, ST-6, SM-3, ST-15), recorded when changed. */
    void publish() {
        if (removed) {
            return; // the API object is gone: status writes go nowhere
        }
        long now = queue.now();
        Map<String, ContainerStatus> statuses = new LinkedHashMap<>();
        // The trace records the statuses only here: unchanged ones are those the last publish computed from.
        boolean statusesChanged = false;
        for (ContainerRecord rec : byName.values()) {
            ContainerStatus status = rec.status(defaultWaitingReason);
            statuses.put(rec.name(), status);
            statusesChanged |= trace.status(now, status);
        }
        if (statusesChanged || terminated != lastTerminated || lastComputedPhase == null) {
            lastComputedPhase = PodPhases.phase(spec, statuses, terminated);
            lastTerminated = terminated;
        }
        PodPhase computed = lastComputedPhase;
        if (!failedReason.isEmpty() || (terminated && !computed.isTerminal())) {
            // A deadline or an eviction makes the pod Failed at once (the status manager holds it back
            // while containers run, SM-3); TerminatePod fails a pod that ends Pending or Running (T-9).
            computed = PodPhase.Failed;
        }
        cachedPhase = PodPhases.next(cachedPhase, computed);
        // couldHaveRunningContainers (SM-3): a container shown running, or a process the runtime runs
        // (one still in its postStart is not shown yet, S-3c).
        boolean anyRunning = false;
        for (ContainerStatus status : statuses.values()) {
            anyRunning |= status.isRunning();
        }
        for (ContainerRecord rec : byName.values()) {
            anyRunning |= rec.isRunning();
        }
        PodPhase api = PodPhases.merged(trace.phase(), cachedPhase, anyRunning);
        boolean failedByKubelet = api == PodPhase.Failed && !failedReason.isEmpty();
        trace.phase(now, api, failedByKubelet ? failedReason : "", failedByKubelet ? failedMessage : "");
        boolean sandboxReady = sandbox.ready();
        if (statusesChanged || api != lastApiPhase || sandboxReady != lastSandboxReady || patches != lastPatches) {
            // else the conditions are those the last publish recorded: none would change
            lastApiPhase = api;
            lastSandboxReady = sandboxReady;
            lastPatches = patches;
            conditions(statuses, api).forEach(c -> trace.condition(now, c));
        }
        if (disruption != null && api.isTerminal()) {
            trace.condition(now, disruption); // sent with the terminal phase only (ST-17)
        }
    }

    /** The conditions the kubelet generates with these statuses in this phase (ST-12 to ST-15). */
    private List<PodCondition> conditions(Map<String, ContainerStatus> statuses, PodPhase api) {
        PodSpec gated = options.has(Fault.READINESS_GATES_IGNORED) ? spec.withReadinessGates(List.of()) : spec;
        return PodConditions.forcedForTerminalPhase(
                PodConditions.kubeletOwned(gated, statuses, api, sandbox.ready(), patchedConditions), api);
    }

    /**
     * status_manager.go SetContainerReadiness and SetContainerStartup (P-11): a committed readiness or
     * startup result is written at once, outside the pod worker, onto the status last written: that
     * container's ready (with the Ready and ContainersReady conditions generated from it) or started,
     * nothing else (a SyncPod under way may hold runtime changes the status must not show yet).
     * Dropped when the status last written shows another instance of the container (findContainerStatus
     * looks it up by container ID) or already shows the result.
     */
    void writeProbeResult(ContainerRecord rec, ProbeKind kind) {
        ContainerStatus shown = trace.statuses().get(rec.name());
        ContainerStatus fresh = rec.status(defaultWaitingReason);
        boolean readiness = kind == ProbeKind.readiness;
        if (removed || shown == null || (readiness ? shown.ready() == fresh.ready() : shown.started() == fresh.started())
                || !(shown.state() instanceof ContainerState.Running a)
                || !(fresh.state() instanceof ContainerState.Running b)
                || a.startedAt() != b.startedAt() || shown.restartCount() != fresh.restartCount()) {
            return;
        }
        long now = queue.now();
        trace.status(now, new ContainerStatus(shown.name(), shown.state(), shown.lastState(), shown.restartCount(),
                readiness ? fresh.ready() : shown.ready(), readiness ? shown.started() : fresh.started()));
        if (!readiness) {
            return;
        }
        Map<String, ContainerStatus> statuses = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            statuses.put(name, trace.statuses().get(name));
        }
        for (PodCondition c : conditions(statuses, trace.phase())) {
            if (c.type() == ConditionType.Ready || c.type() == ConditionType.ContainersReady) {
                trace.condition(now, c);
            }
        }
    }
}
