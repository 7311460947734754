package dev.podcheck.engine.probe;

import dev.podcheck.engine.Fault;
import dev.podcheck.engine.Profile;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.Set;

/**
 * One probe worker for one (container, probe kind), mirroring pkg/kubelet/prober/worker.go doProbe
 * step by step (SEMANTICS P-2, P-4): the cached result with its initial value, the run of identical
 * results, and onHold after a liveness failure or any startup verdict.
 */
public final class ProbeWorker {
    private final ProbeKind kind;
    private final Probe probe;
    private final Set<Fault> faults;
    private final Profile release;
    private int instance = -1;
    private Boolean cached;
    private Boolean lastResult;
    private int resultRun;
    private boolean onHold;
    private boolean stopped;

    /** @param probe a defaulted probe (period, thresholds set) */
    public ProbeWorker(ProbeKind kind, Probe probe) {
        this(kind, probe, Set.of());
    }

    /** @param faults deliberate deviations for podcheck's self-check; empty in normal use */
    public ProbeWorker(ProbeKind kind, Probe probe, Set<Fault> faults) {
        this(kind, probe, faults, Profile.DEFAULT);
    }

    /** @param release the Kubernetes release whose prober this worker follows */
    public ProbeWorker(ProbeKind kind, Probe probe, Set<Fault> faults, Profile release) {
        this.kind = kind;
        this.probe = probe;
        this.faults = Set.copyOf(faults);
        this.release = release;
    }

    /**
     * What one tick did. {@code committed} is the cached result when this tick changed it, else null; {@code errored}
     * when the probe ran into an error and its result was thrown away (worker.go doProbe: "Prober error").
     */
    public record Outcome(boolean ran, boolean success, Boolean committed, boolean errored) {
        static final Outcome NOTHING = new Outcome(false, false, null, false);
        /** Every possible outcome, built once: a worker ticks every period, so ticks should not allocate. */
        private static final Outcome[] ALL = new Outcome[12];

        static {
            Boolean[] commits = {null, false, true};
            for (int i = 0; i < ALL.length; i++) {
                ALL[i] = new Outcome((i & 1) != 0, (i & 2) != 0, commits[i >> 2], false);
            }
        }

        static Outcome of(boolean ran, boolean success, Boolean committed) {
            int commit = committed == null ? 0 : committed ? 2 : 1;
            return ALL[(ran ? 1 : 0) | (success ? 2 : 0) | commit << 2];
        }
    }

    public ProbeKind kind() {
        return kind;
    }

    public long periodMillis() {
        return probe.periodSeconds() * 1000L;
    }

    /**
     * The cached result for this container instance: null for Unknown, and for an instance the
     * worker has not probed yet (the kubelet's results cache is keyed by container ID).
     */
    public Boolean resultFor(int containerInstance) {
        return containerInstance == instance ? cached : null;
    }

    /**
     * The restarted kubelet of a release that keeps container status (KEP-4781, SEMANTICS KR-2a) found this instance
     * running since before its restart: the worker knows its container ID but caches no initial value, so the
     * status keeps what the API showed until a probe result comes (worker.go doProbe, isRestart).
     */
    public void adopt(int containerInstance) {
        instance = containerInstance;
        cached = null;
        onHold = false;
    }

    /** StopLivenessAndStartup and RemovePod (SEMANTICS P-12): the worker runs no more. */
    public void stop() {
        stopped = true;
    }

    public boolean isStopped() {
        return stopped;
    }

    public Outcome tick(long now, ProbeTarget target) {
        if (stopped) {
            return Outcome.NOTHING;
        }
        if (target.podTerminal()) {
            stopped = true; // the worker exits with the pod (worker.go doProbe returns false)
            return Outcome.NOTHING;
        }
        if (target.instance() < 0) {
            return Outcome.NOTHING;
        }
        Boolean before = cached;
        if (target.instance() != instance) {
            // Results are kept per container ID: a new container starts with no result at all, so
            // its first verdict is a change even if it equals the old container's (P-2, P-4.3).
            before = null;
            instance = target.instance();
            cached = initialValue();
            onHold = false;
        }
        if (onHold) {
            return changed(before, false, false);
        }
        if (!target.running()) {
            cached = false;
            return changed(before, false, false);
        }
        if (target.podDeleting() && kind != ProbeKind.readiness) {
            cached = true; // liveness and startup stop passing judgement on a pod being deleted
            stopped = true;
            return changed(before, false, false);
        }
        // int(secondsSince(startedAt)) < initialDelaySeconds: whole seconds, floored.
        long secondsRunning = (now - target.startedAt()) / 1000;
        int initialDelay = probe.initialDelaySeconds() == null ? 0 : probe.initialDelaySeconds();
        if (secondsRunning < initialDelay) {
            return changed(before, false, false);
        }
        boolean gated = kind == ProbeKind.startup ? target.started()
                : !target.started() && !faults.contains(Fault.STARTUP_PROBE_IGNORED);
        if (gated) {
            return changed(before, false, false);
        }
        if (target.podStopping() && probe.exec() != null && !release.probesWhileTerminating()) {
            // v1.35 and v1.36 exec in the container with the pod worker's context, cancelled once the pod is being
            // stopped: every exec probe then errs, and its result is thrown away (SEMANTICS P-13).
            Outcome unchanged = changed(before, false, false);
            return new Outcome(false, false, unchanged.committed(), true);
        }
        return run(before, target.passes());
    }

    private Outcome run(Boolean before, boolean result) {
        if (lastResult != null && lastResult == result) {
            resultRun++;
        } else {
            lastResult = result;
            resultRun = 1;
        }
        int failureThreshold = probe.failureThreshold();
        if (kind == ProbeKind.liveness && faults.contains(Fault.LIVENESS_KILLS_ONE_FAILURE_EARLY)) {
            failureThreshold--;
        }
        boolean belowThreshold = result ? resultRun < probe.successThreshold() : resultRun < failureThreshold;
        if (!belowThreshold) {
            cached = result;
            if ((kind == ProbeKind.liveness && !result) || kind == ProbeKind.startup) {
                onHold = true;
                resultRun = 0;
            }
        }
        return changed(before, true, result);
    }

    private Outcome changed(Boolean before, boolean ran, boolean success) {
        boolean change = before == null ? cached != null : !before.equals(cached);
        return Outcome.of(ran, success, change ? cached : null);
    }

    /** newWorker initialValue: readiness starts failed, liveness succeeded, startup unknown (P-2). */
    private Boolean initialValue() {
        return switch (kind) {
            case readiness -> false;
            case liveness -> true;
            case startup -> null;
        };
    }
}
