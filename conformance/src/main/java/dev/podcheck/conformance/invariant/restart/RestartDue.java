package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.spec.pod.Int64;
import static dev.podcheck.conformance.invariant.TraceQueries.killedByProbe;
import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.HookFinished;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When the kubelet owes an exited container its next start (SEMANTICS, S-8),
 * shared by restart/always and sidecar/always-restart. The start is owed by:
 * <ul>
 *   <li>without back-off in force (the first exit, or after a 10 min run): the SyncPod that the
 *   next PLEG relist (1 s) asks for;</li>
 *   <li>with back-off in force: the first SyncPod after it expired. doBackOff's CrashLoopBackOff is
 *   not a sync error (kubelet.go SyncPod drops it), so pod_workers.go completeWork requeues the pod at
 *   the resync interval, syncFrequency 1 min jittered by 0.5: up to {@link #RESYNC_MAX_MILLIS}.</li>
 * </ul>
 * Anything else that holds the pod worker across that moment moves it: a start under way (pull,
 * create and postStart are synchronous, S-3) or a kill in SyncPod (a probe or postStart kill), each
 * followed by up to one resync. Nothing is owed once the pod is being stopped, is terminal, or is
 * done (R-4: no regular container runs or will be restarted; S-9: a failed init container under Never).
 */
public final class RestartDue {
    /** genericPlegRelistPeriod (M-1). */
    public static final long PLEG_RELIST_MILLIS = 1000;
    /** kubelet syncFrequency (1 min) with workerResyncIntervalJitterFactor 0.5. */
    public static final long RESYNC_MAX_MILLIS = 90_000;
    /** killContainer's Killing message when the whole pod is stopped (killPodWithSyncResult). */
    public static final String POD_STOP_KILLING = "Stopping container ";

    private RestartDue() {}

    /**
     * An exit whose next start came later than owed, or never though owed before the horizon.
     *
     * @param next the next run, or null when there was none
     * @param due  the latest moment the next start request was owed by, tolerance not included
     */
    public record Missed(Run exited, Run next, long due) {}

    /** The first exited run of {@code container} whose restart came late or not at all. */
    public static Optional<Missed> firstMissed(Observed trial, String container) {
        return firstMissed(trial, container, run -> true);
    }

    /**
     * The first exited run of {@code container} that {@code owes} a restart and got it late or not
     * at all; runs that owe none (an exit 0 under OnFailure) are passed over.
     */
    public static Optional<Missed> firstMissed(Observed trial, String container, Predicate<Run> owes) {
        List<Run> runs = runs(trial.trace(), container);
        List<Hold> holds = holds(trial);
        long stops = stopsAt(trial);
        long tolerance = trial.toleranceMillis();
        long startsInFlight = longestStartChain(trial);
        KubeletBackOff backOff = new KubeletBackOff();
        for (int k = 0; k < runs.size(); k++) {
            Run run = runs.get(k);
            if (k >= 1) {
                Run newest = newestExitedAtStart(trial, runs, k);
                if (newest != null) {
                    backOff.next(newest.exit().finishedAt(), requested(trial, run));
                }
            }
            if (run.exit() == null || !owes.test(run)) {
                continue;
            }
            long finishedAt = run.exit().finishedAt();
            long wait = backOff.remaining(finishedAt, finishedAt);
            if (killedByProbe(trial, run)) {
                // the kill's own SyncPod restarts it unless the run before is still in back-off;
                // if it is, later SyncPods measure the back-off from this exit (doBackOff).
                Run before = k >= 1 && runs.get(k - 1).exit() != null ? runs.get(k - 1) : null;
                boolean atOnce = before == null || backOff.remaining(before.exit().finishedAt(), finishedAt) == 0;
                wait = atOnce ? 0 : wait;
            }
            long due = chain(holds, wait == 0 ? finishedAt + PLEG_RELIST_MILLIS
                    : finishedAt + wait + RESYNC_MAX_MILLIS, finishedAt + wait);
            if (stops <= due + startsInFlight + tolerance) {
                // the pod is stopped or done before a restart is owed, or before the owed start could
                // show: a stop cancels the pod worker's sync under way (pod_workers.go UpdatePod)
                return Optional.empty();
            }
            Run next = k + 1 < runs.size() ? runs.get(k + 1) : null;
            boolean late = next != null ? requested(trial, next) > due + tolerance
                    : due + tolerance < trial.horizonMillis();
            if (late) {
                return Optional.of(new Missed(run, next, due));
            }
        }
        return Optional.empty();
    }

    /**
     * The newest exited run doBackOff looked at for the start of run {@code k}: the run before, or,
     * when run k began in the SyncPod that probe-killed the run before, the one before that.
     */
    private static Run newestExitedAtStart(Observed trial, List<Run> runs, int k) {
        Run before = runs.get(k - 1);
        if (before.exit() == null) {
            return null;
        }
        boolean sameSync = killedByProbe(trial, before)
                && requested(trial, runs.get(k)) <= before.exit().finishedAt() + trial.toleranceMillis();
        if (!sameSync) {
            return before;
        }
        Run earlier = k >= 2 ? runs.get(k - 2) : null;
        return earlier == null || earlier.exit() == null ? null : earlier;
    }

    /** When the kubelet asked the runtime for this run: its start minus the pull and create time. */
    public static long requested(Observed trial, Run run) {
        return run.startedAt() - startAfter(trial, run.container(), run.restartCount());
    }

    /** How long the runtime takes to run this instance once asked (the behaviour's startAfter). */
    private static long startAfter(Observed trial, String container, int instance) {
        return trial.scenario().behaviour(container).forInstance(instance).startAfter().toMillis();
    }

    /**
     * The longest one SyncPod's starts may take, each container's slowest start (create, then
     * postStart, S-3) one after another: how long a start that a stop cut short may stay unseen.
     */
    public static long longestStartChain(Observed trial) {
        long chain = 0;
        for (Container c : trial.scenario().pod().spec().allContainers().toList()) {
            boolean hasPostStart = c.lifecycle() != null && c.lifecycle().postStart() != null;
            chain += trial.scenario().behaviour(c.name()).instances().stream()
                    .mapToLong(i -> i.startAfter().toMillis() + (hasPostStart ? i.postStart().takes().toMillis() : 0))
                    .max().orElse(0);
        }
        return chain;
    }

    /**
     * The latest moment a SyncPod owed from {@code ready} (by {@code due} if nothing held the pod
     * worker) comes, past the starts under way and SyncPod kills that hold it (probe kills use it too).
     */
    public static long heldUntil(Observed trial, long ready, long due) {
        return chain(holds(trial), due, ready);
    }

    /** The end of the last start or SyncPod kill under way at {@code t}, or {@code t} when none is. */
    public static long busyUntil(Observed trial, long t) {
        return busyUntil(trial, t, null);
    }

    /**
     * {@link #busyUntil(Observed, long)} but for the hold of {@code kill} itself: a kill whose end is
     * in question cannot be what delays that end.
     */
    public static long busyUntil(Observed trial, long t, KubeletEvent kill) {
        return holds(trial).stream().filter(h -> h.cause() != kill && h.from() <= t && h.until() > t)
                .mapToLong(Hold::until).max().orElse(t);
    }

    /** Moves {@code t} past every hold that overlaps the wait from {@code ready} to it, plus one resync. */
    private static long chain(List<Hold> holds, long t, long ready) {
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Hold h : holds) {
                if (h.from() <= t && h.until() > ready && h.until() != Long.MAX_VALUE && h.until() + RESYNC_MAX_MILLIS > t) {
                    t = h.until() + RESYNC_MAX_MILLIS;
                    moved = true;
                } else if (h.from() <= t && h.until() == Long.MAX_VALUE) {
                    return Long.MAX_VALUE / 2; // held for good (a hung postStart, S-3b)
                }
            }
        }
        return t;
    }

    /** The pod worker held over [from, until) by a start under way or by a SyncPod kill (its Killing event). */
    private record Hold(long from, long until, KubeletEvent cause) {}

    /** What holds the pod worker: starts under way and SyncPod kills. */
    private static List<Hold> holds(Observed trial) {
        List<Hold> out = new ArrayList<>();
        PodSpec spec = trial.scenario().pod().spec();
        for (Container c : spec.allContainers().toList()) {
            List<Run> runs = runs(trial.trace(), c.name());
            for (int k = 0; k < runs.size(); k++) {
                Run run = runs.get(k);
                long until = postStartReturned(trial, run, k + 1 < runs.size() ? runs.get(k + 1).startedAt() : Long.MAX_VALUE);
                long from = requested(trial, run);
                if (until > from) {
                    out.add(new Hold(from, until, null));
                }
            }
        }
        trial.trace().all(KubeletEvent.class)
                .filter(e -> e.reason().equals("Killing") && !e.message().startsWith(POD_STOP_KILLING))
                .forEach(e -> out.add(new Hold(e.at(), killEnd(trial, e), e)));
        return out;
    }

    /**
     * When the start call of {@code run} returned: the end of the postStart begun at or after its
     * start (in trace order, so a hook of the run before that ends at this start is not taken), or
     * the process start without one.
     */
    private static long postStartReturned(Observed trial, Run run, long nextStart) {
        List<TraceEvent> events = trial.trace().events();
        boolean begun = false;
        for (TraceEvent e : events) {
            if (e.at() > nextStart) {
                break;
            }
            boolean ours = e instanceof TraceEvent.HookStarted h && h.container().equals(run.container())
                    && h.hook() == TraceEvent.Hook.postStart && h.at() >= run.startedAt();
            begun |= ours;
            if (begun && e instanceof HookFinished h && h.container().equals(run.container())
                    && h.hook() == TraceEvent.Hook.postStart) {
                return h.at();
            }
        }
        return run.startedAt();
    }

    /** When the run the kill stops ended; never, if no exit shows. */
    private static long killEnd(Observed trial, KubeletEvent killing) {
        return runs(trial.trace(), killing.container()).stream()
                .filter(r -> r.startedAt() <= killing.at() && r.exit() != null && r.exit().finishedAt() >= killing.at())
                .mapToLong(r -> r.exit().finishedAt()).findFirst().orElse(Long.MAX_VALUE);
    }

    /**
     * When the pod stops owing restarts: the first DELETE, eviction, deadline, pod-stop kill or
     * terminal phase, or the moment it is done (R-4, S-9); MAX_VALUE if never.
     */
    public static long stopsAt(Observed trial) {
        long at = Long.MAX_VALUE;
        for (TraceEvent e : trial.trace().events()) {
            boolean stop = e instanceof TraceEvent.DeletionRequested || e instanceof TraceEvent.PodEvicted
                    || e instanceof TraceEvent.PodRemoved
                    || e instanceof TraceEvent.PodPhaseChanged p && p.phase().isTerminal()
                    || e instanceof KubeletEvent k && (k.reason().equals("DeadlineExceeded")
                    || k.reason().equals("Killing") && k.message().startsWith(POD_STOP_KILLING));
            if (stop) {
                at = e.at();
                break;
            }
        }
        Long deadline = trial.scenario().pod().spec().activeDeadlineSeconds();
        Optional<TraceEvent.ContainerStatusChanged> first = trial.trace().all(TraceEvent.ContainerStatusChanged.class)
                .findFirst();
        if (deadline != null && first.isPresent()) {
            at = Math.min(at, Int64.plus(first.get().at(), Int64.millisOfSeconds(deadline))); // AD-1: startTime + activeDeadlineSeconds
        }
        return Math.min(at, doneAt(trial));
    }

    /**
     * When computePodActions would find the pod done: under Never every regular container
     * has exited, under OnFailure every one has exited 0; or a regular init container failed under
     * Never (S-9). Never under Always.
     */
    static long doneAt(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        RestartPolicy policy = spec.restartPolicyValue();
        if (policy == RestartPolicy.Always) {
            return Long.MAX_VALUE;
        }
        long done = Long.MIN_VALUE;
        for (Container c : spec.containers()) {
            long end = runs(trial.trace(), c.name()).stream()
                    .filter(r -> r.exit() != null && (policy == RestartPolicy.Never || r.exit().exitCode() == 0))
                    .mapToLong(r -> r.exit().finishedAt()).min().orElse(Long.MAX_VALUE);
            done = Math.max(done, end);
        }
        if (policy == RestartPolicy.Never) {
            for (Container c : spec.initContainers().stream().filter(c -> !c.isSidecar()).toList()) {
                long failed = runs(trial.trace(), c.name()).stream()
                        .filter(r -> r.exit() != null && r.exit().exitCode() != 0)
                        .mapToLong(r -> r.exit().finishedAt()).min().orElse(Long.MAX_VALUE);
                done = Math.min(done, failed);
            }
        }
        return done;
    }
}
