package dev.podcheck.conformance.invariant.restart;

import static dev.podcheck.conformance.invariant.TraceQueries.killedByProbe;
import static dev.podcheck.conformance.invariant.TraceQueries.runAt;
import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.deadline.Deadline;
import dev.podcheck.conformance.invariant.image.ImageEvents;
import dev.podcheck.conformance.invariant.update.ImageChanges;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.trace.ContainerState;
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
 * followed by up to one resync. A start the image held up (a pull, a refusal, IP-4) was asked for
 * at its first image step. Nothing is owed once the pod is being stopped, is terminal, or is
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
        List<Run> runs = ImageChanges.runsBeforeChange(trial, container, true);
        long change = ImageChanges.firstChange(trial, container);
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
            if (run.startedAt() >= change || run.exit() != null && run.exit().finishedAt() >= change) {
                break; // the run after the change only shows when the restart before it came
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
            // A start asked for in time that the image held up (a failed pull, its back-off, IP-4) was owed no sooner.
            long asked = next != null ? requested(trial, next) : firstImageStepAfter(trial, runs, k);
            boolean late = asked != Long.MAX_VALUE ? asked > due + tolerance : due + tolerance < trial.horizonMillis();
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

    /**
     * When the kubelet first asked for this run: its first image step after the run before ended (a
     * pull, or a start refused for the image, IP-4), else its start minus the create time.
     */
    public static long requested(Observed trial, Run run) {
        return Math.min(firstImageStep(trial, run), created(trial, run));
    }

    /**
     * When the kubelet first asked for a run of {@code container}: its first run's {@link #requested}, or,
     * when no run came, its first image step (a pull, or a start refused for the image, IP-4); MAX_VALUE if
     * never asked.
     */
    public static long firstAsked(Observed trial, String container) {
        List<Run> runs = runs(trial, container);
        List<Long> steps = imageSteps(trial, container, 0);
        long step = steps.isEmpty() ? Long.MAX_VALUE : steps.get(0);
        return runs.isEmpty() ? step : Math.min(step, requested(trial, runs.get(0)));
    }

    /** The first image step after run {@code k} started, for a start that made no run; MAX_VALUE if none. */
    private static long firstImageStepAfter(Observed trial, List<Run> runs, int k) {
        List<Long> steps = imageSteps(trial, runs.get(k).container(), k + 1);
        return steps.isEmpty() ? Long.MAX_VALUE : steps.get(0);
    }

    /** The first image step for the start of this run (IP-4), MAX_VALUE when there is none. */
    static long firstImageStep(Observed trial, Run run) {
        List<Long> steps = imageSteps(trial, run);
        return steps.isEmpty() ? Long.MAX_VALUE : steps.get(0);
    }

    /** When the start call that made this run began: its last image step, else its start minus the create time. */
    private static long startCalled(Observed trial, Run run) {
        List<Long> steps = imageSteps(trial, run);
        return steps.isEmpty() ? created(trial, run) : steps.get(steps.size() - 1);
    }

    private static long created(Observed trial, Run run) {
        return run.startedAt() - startAfter(trial, run.container(), run.restartCount());
    }

    /**
     * The image manager's events for the starts that led to this run: those after the Started event
     * of the run before, in trace order (a restart may come in the very millisecond of that run's start).
     */
    private static List<Long> imageSteps(Observed trial, Run run) {
        return imageSteps(trial, run.container(), runs(trial, run.container()).indexOf(run));
    }

    /** The image steps of {@code container} after its {@code index}-th Started event and before the next. */
    private static List<Long> imageSteps(Observed trial, String container, int index) {
        List<Long> out = new ArrayList<>();
        int started = 0;
        for (KubeletEvent e : trial.index().kubeletEvents(container)) {
            if (e.reason().equals("Started")) {
                started++;
            } else if (started == index && ImageEvents.isStartStep(e)) {
                out.add(e.at());
            }
        }
        return out;
    }

    /** How long the runtime takes to run this instance once asked (the behaviour's startAfter). */
    private static long startAfter(Observed trial, String container, int instance) {
        return trial.scenario().behaviour(container).forInstance(instance).startAfter().toMillis();
    }

    /**
     * The longest one SyncPod's starts may take, each container's slowest start (pull, create, then
     * postStart, S-3) one after another: how long a start that a stop cut short may stay unseen.
     */
    public static long longestStartChain(Observed trial) {
        return trial.index().derived(LongestStartChain.class, () -> longestStartChainOf(trial));
    }

    private record LongestStartChain() {}

    private static long longestStartChainOf(Observed trial) {
        long chain = 0;
        for (Container c : trial.scenario().pod().spec().allContainers().toList()) {
            boolean hasPostStart = c.lifecycle() != null && c.lifecycle().postStart() != null;
            chain += trial.scenario().image(c.image()).map(i -> i.pullTakes().toMillis()).orElse(0L);
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
     * The end of the holds under way at {@code t} and of those that begin as each ends: a start that
     * ends in a kill (a failed postStart) holds the pod worker until that kill ends too.
     */
    public static long busyThrough(Observed trial, long t) {
        List<Hold> holds = holds(trial);
        long busy = t;
        for (long next = busyUntil(holds, busy, null); next > busy; next = busyUntil(holds, busy, null)) {
            busy = next;
        }
        return busy;
    }

    /**
     * {@link #busyUntil(Observed, long)} but for the hold of {@code kill} itself: a kill whose end is
     * in question cannot be what delays that end.
     */
    public static long busyUntil(Observed trial, long t, KubeletEvent kill) {
        return busyUntil(holds(trial), t, kill);
    }

    private static long busyUntil(List<Hold> holds, long t, KubeletEvent kill) {
        return holds.stream().filter(h -> (kill == null || h.cause() != kill) && h.from() <= t && h.until() > t)
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

    /** What holds the pod worker: starts under way and SyncPod kills; worked out once per trial. */
    private static List<Hold> holds(Observed trial) {
        return trial.index().derived(Hold.class, () -> holdsOf(trial));
    }

    private static List<Hold> holdsOf(Observed trial) {
        List<Hold> out = new ArrayList<>();
        PodSpec spec = trial.scenario().pod().spec();
        for (Container c : spec.allContainers().toList()) {
            List<Run> runs = runs(trial, c.name());
            for (int k = 0; k < runs.size(); k++) {
                Run run = runs.get(k);
                long until = postStartReturned(trial, run, k + 1 < runs.size() ? runs.get(k + 1).startedAt() : Long.MAX_VALUE);
                long from = startCalled(trial, run);
                if (until > from) {
                    out.add(new Hold(from, until, null));
                }
            }
        }
        // a postStart still running at the end holds the pod worker for good, shown Running or not (S-3b;
        // seed 109 trial 6141 of a 10,000-trial run: a start begun 23 s before the end, its hook 36 s long)
        unfinishedPostStarts(trial).forEach(h -> out.add(new Hold(h.at(), Long.MAX_VALUE, null)));
        // a pull is part of the synchronous start (IP-4), a failed one included
        ImageEvents.pulls(trial.trace()).forEach(p -> out.add(new Hold(p.from(), p.until(), null)));
        trial.index().all(KubeletEvent.class).stream()
                .filter(e -> e.reason().equals("Killing") && !e.message().startsWith(POD_STOP_KILLING))
                .forEach(e -> out.add(new Hold(e.at(), killEnd(trial, e), e)));
        return List.copyOf(out);
    }

    /** The postStart hooks begun and never finished in the trace. */
    private static List<TraceEvent.HookStarted> unfinishedPostStarts(Observed trial) {
        List<TraceEvent.HookStarted> open = new ArrayList<>();
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof TraceEvent.HookStarted h && h.hook() == TraceEvent.Hook.postStart) {
                open.add(h);
            } else if (e instanceof HookFinished f && f.hook() == TraceEvent.Hook.postStart) {
                open.removeIf(h -> h.container().equals(f.container()));
            }
        }
        return open;
    }

    /**
     * When the start call of {@code run} returned: the end of the postStart begun at or after its
     * start (in trace order, so a hook of the run before that ends at this start is not taken), or
     * the process start without one.
     */
    private static long postStartReturned(Observed trial, Run run, long nextStart) {
        boolean begun = false;
        for (TraceEvent e : trial.index().hooks(run.container())) {
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

    /**
     * When the run the kill stops ended; never, if no exit shows. The run is the one shown last before the
     * kill (a run that ended in the instant a new one started and was killed is not it: seed 124 trial 9108).
     */
    private static long killEnd(Observed trial, KubeletEvent killing) {
        return runAt(trial, killing.container(), killing).map(Run::exit)
                .map(ContainerState.Terminated::finishedAt).orElse(Long.MAX_VALUE);
    }

    /**
     * When the pod stops owing restarts: the first DELETE, eviction, deadline, pod-stop kill or
     * terminal phase, or the moment it is done (R-4, S-9); MAX_VALUE if never.
     */
    public static long stopsAt(Observed trial) {
        return trial.index().derived(StopsAt.class, () -> stopsAtOf(trial));
    }

    private record StopsAt() {}

    private static long stopsAtOf(Observed trial) {
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
        // AD-1, SU-4: startTime + activeDeadlineSeconds, as created or lowered
        at = Math.min(at, Deadline.of(trial).map(Deadline::at).orElse(Long.MAX_VALUE));
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
            long end = runs(trial, c.name()).stream()
                    .filter(r -> r.exit() != null && (policy == RestartPolicy.Never || r.exit().exitCode() == 0))
                    .mapToLong(r -> r.exit().finishedAt()).min().orElse(Long.MAX_VALUE);
            done = Math.max(done, end);
        }
        if (policy == RestartPolicy.Never) {
            for (Container c : spec.initContainers().stream().filter(c -> !c.isSidecar()).toList()) {
                long failed = runs(trial, c.name()).stream()
                        .filter(r -> r.exit() != null && r.exit().exitCode() != 0)
                        .mapToLong(r -> r.exit().finishedAt()).min().orElse(Long.MAX_VALUE);
                done = Math.min(done, failed);
            }
        }
        return done;
    }
}
