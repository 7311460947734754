package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.TraceQueries.killedByProbe;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.update.ImageChanges;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.SignalSent;
import java.util.List;
import java.util.Set;

/**
 * restart/backoff (SEMANTICS INV-15, R-6, R-7, R-3). doBackOff runs before every start of every
 * container kind and looks at the newest EXITED instance in the status taken at the start of the
 * SyncPod. After an exit that is the run that just ended. After a liveness or startup kill the
 * restart is in the same SyncPod as the kill, so it is the run before (none for the first run: the
 * restart is immediate and Next is not called).
 *
 * <p>Which gaps are bounded: below, every restart; the moment of the start request is the run's
 * first image step (IP-4), else its startedAt minus the scenario's startAfter for that instance (create). Above, only in a pod
 * with a single container and after an exit of its own (no kill): then nothing but that run's own
 * postStart can hold the pod worker, and the restart follows the later of the back-off (and then the pod
 * worker's retry, up to 15 s later) and the next PLEG relist (1 s) after the exit, or after the postStart
 * returned.
 */
public final class BackOff implements Invariant {
    static final String TOO_EARLY = "%s was started again %d ms after the exit at %d ms, within the kubelet back-off of %d ms";
    static final String LATE_UNKNOWN = "%s was started again %d ms after the exit at %d ms: late, unless its runtime"
            + " took that long to start it, which only its behaviour tells";
    static final String TOO_LATE = "%s was started again %d ms after the exit at %d ms, later than the back-off of %d ms allows";
    /** genericPlegRelistPeriod: the kubelet notices an exit at the next relist (M-1). */
    static final long PLEG_RELIST_MILLIS = 1000;
    /**
     * A SyncPod that met a back-off fails, and the pod worker retries it after wait.Jitter(backOffPeriod 10 s,
     * 0.5) (pod_workers.go completeWork): the restart comes at the first retry past the back-off, up to 15 s
     * after it. Seen on kubelet 1.34: 12.8 s after a 10 s back-off began.
     */
    static final long WORKER_RETRY_MAX_MILLIS = 15_000;

    @Override
    public String id() {
        return "restart/backoff";
    }

    @Override
    public String must() {
        return "A container MUST be started again only once the kubelet back-off (10 s doubling to 300 s, measured from "
                + "the newest exit before the start decision) has passed, and, in a single-container pod after an exit "
                + "of its own, no later than that back-off (plus the pod worker's retry, up to 15 s, when there was one) "
                + "or the next relist, plus tolerance.";
    }

    @Override
    public String source() {
        return "kuberuntime_manager.go doBackOff, client-go util/flowcontrol/backoff.go, kubelet.go initialCrashLoopBackOff; "
                + "SEMANTICS INV-15, R-3, R-5, R-6, R-7";
    }

    @Override
    public Set<Observation> needs() {
        // Events tell a probe kill from an exit; a container without liveness or startup probe has none,
        // so a target without Events (podman) is still checked there (see check).
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        boolean single = spec.initContainers().isEmpty() && spec.containers().size() == 1;
        Verdict verdict = Verdict.HOLDS;
        boolean events = trial.observations().contains(Observation.KUBELET_EVENTS);
        for (Container c : spec.allContainers().toList()) {
            verdict = verdict.and(!events && (c.livenessProbe() != null || c.startupProbe() != null)
                    ? Verdict.unknown(c.name() + " may be killed by a probe, which only the kubelet's Events tell")
                    : replay(trial, c.name(), single));
        }
        return verdict;
    }

    private Verdict replay(Observed trial, String name, boolean single) {
        List<Run> runs = ImageChanges.runsBeforeChange(trial, name, false); // a new image, a new back-off (SU-3)
        boolean behaviours = trial.observations().contains(Observation.BEHAVIOURS);
        KubeletBackOff backOff = new KubeletBackOff();
        long tolerance = trial.toleranceMillis();
        for (int k = 1; k < runs.size(); k++) {
            Run run = runs.get(k);
            // Without the behaviours the runtime's start time is unknown: the start itself is the latest the
            // kubelet can have asked for it, which still bounds the back-off from below, never from above.
            // A start the image held up was asked for at its first image step (IP-4), behaviours or not.
            long requested = Math.min(RestartDue.firstImageStep(trial, run), run.startedAt() - (behaviours
                    ? trial.scenario().behaviour(name).forInstance(run.restartCount()).startAfter().toMillis() : 0));
            boolean afterKill = killedByProbe(trial, runs.get(k - 1));
            Run newestExited = afterKill ? (k >= 2 ? runs.get(k - 2) : null) : runs.get(k - 1);
            if (newestExited == null || newestExited.exit() == null) {
                continue; // doBackOff finds no exited instance: no back-off, no Next
            }
            long finishedAt = newestExited.exit().finishedAt();
            long delay = backOff.delay(finishedAt);
            if (backOff.remaining(finishedAt, requested) > tolerance) {
                return Verdict.violated(String.format(TOO_EARLY, name, requested - finishedAt, finishedAt, delay),
                        newestExited.exitShown(), run.shown());
            }
            // The start call holds the pod worker until the run's own postStart returns (S-3b).
            long seen = Math.max(finishedAt, postStartReturned(trial, runs.get(k - 1), run)) + PLEG_RELIST_MILLIS;
            long retry = delay > 0 ? WORKER_RETRY_MAX_MILLIS : 0;
            if (single && !afterKill && !signalled(trial, runs.get(k - 1))
                    && requested > Math.max(finishedAt + delay, seen) + retry + tolerance) {
                if (!behaviours) {
                    return Verdict.unknown(String.format(LATE_UNKNOWN, name, requested - finishedAt, finishedAt));
                }
                return Verdict.violated(String.format(TOO_LATE, name, requested - finishedAt, finishedAt, delay),
                        newestExited.exitShown(), run.shown());
            }
            backOff.next(finishedAt, requested);
        }
        return Verdict.HOLDS;
    }

    /** When the postStart hook of {@code run} returned, or its start when it has none. */
    private static long postStartReturned(Observed trial, Run run, Run next) {
        return trial.index().all(HookFinished.class).stream()
                .filter(h -> h.container().equals(run.container()) && h.hook() == TraceEvent.Hook.postStart)
                .filter(h -> h.at() >= run.startedAt() && h.at() <= next.startedAt())
                .mapToLong(HookFinished::at).findFirst().orElse(run.startedAt());
    }

    /** The run was ended by the kubelet (a stop signal), not by itself. */
    private static boolean signalled(Observed trial, Run run) {
        return trial.index().all(SignalSent.class).stream()
                .anyMatch(s -> s.container().equals(run.container()) && s.at() >= run.startedAt()
                        && run.exit() != null && s.at() <= run.exit().finishedAt());
    }
}
