package dev.podcheck.conformance.invariant.termination;

import static dev.podcheck.conformance.invariant.TraceQueries.runAt;
import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.Int64;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.DeletionRequested;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * termination/stopped-within-grace (SEMANTICS T-6, T-7, P-8, M-5), the other direction of
 * termination/grace: killContainer spends the grace on preStop and the sidecar wait, then gives the
 * runtime max(what is left, 2 s) before SIGKILL, which no process survives. So a container the
 * kubelet began to stop has exited within the largest grace its stop may have had plus 2 s, plus
 * a relist to see it. The largest grace is the pod's, a probe's own, or a DELETE's, whichever is
 * longest (a DELETE may ask for more than the pod's, T-1).
 */
public final class StoppedWithinGrace implements Invariant {
    static final String MESSAGE = "%s began to stop at %d ms (grace at most %d s) and had not exited by %d ms";

    @Override
    public String id() {
        return "termination/stopped-within-grace";
    }

    @Override
    public String must() {
        return "A container the kubelet began to stop MUST have exited within the grace of that stop plus 2 seconds "
                + "and the target's tolerance.";
    }

    @Override
    public String source() {
        return "kuberuntime_container.go killContainer; kuberuntime_manager.go minimumGracePeriodInSeconds; "
                + "SEMANTICS T-6, T-7, P-8, M-5, INV-17";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS, Observation.DELETION);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        long graceMillis = largestGraceSeconds(trial, spec) * 1000;
        long removed = trial.index().all(TraceEvent.PodRemoved.class).stream().mapToLong(TraceEvent::at).min()
                .orElse(Long.MAX_VALUE);
        for (KubeletEvent k : trial.index().all(KubeletEvent.class).stream().filter(k -> k.reason().equals("Killing")).toList()) {
            // the exit shows at the next SyncPod, later when a start under way holds the pod worker
            long by = Int64.plus(RestartDue.busyUntil(trial, Int64.plus(k.at(), graceMillis
                    + Stops.MINIMUM_GRACE_SECONDS * 1000 + RestartDue.PLEG_RELIST_MILLIS), k), trial.toleranceMillis());
            Optional<Run> run = runAt(trial, k.container(), k);
            // A probe kill's exit shows with the restart its SyncPod goes on to (S-3): up to a start later.
            long shows = k.message().startsWith(RestartDue.POD_STOP_KILLING) ? by
                    : Int64.plus(by, RestartDue.longestStartChain(trial));
            boolean late = run.isPresent() && (run.get().exit() == null
                    ? !restartedLater(trial, run.get()) && shows < Math.min(removed, trial.horizonMillis())
                    : run.get().exit().finishedAt() > by);
            if (late) {
                return Verdict.violated(String.format(MESSAGE, k.container(), k.at(), graceMillis / 1000, by), k);
            }
        }
        return Verdict.HOLDS;
    }

    /**
     * Whether a later run of the container shows, so this one ended though no status showed its exit
     * (kubelet v1.34 seed 1 trial 6: a probe kill's instance, its successor running 0.5 s later). When
     * it ended is then unknown, so it is not judged late.
     */
    private static boolean restartedLater(Observed trial, Run run) {
        return runs(trial, run.container()).stream().anyMatch(r -> r.startedAt() > run.startedAt());
    }

    private static long largestGraceSeconds(Observed trial, PodSpec spec) {
        long pod = spec.terminationGracePeriodSeconds() == null ? 30 : spec.terminationGracePeriodSeconds();
        Stream<Long> probes = spec.allContainers()
                .flatMap(c -> Stream.of(c.livenessProbe(), c.startupProbe()))
                .filter(p -> p != null && p.terminationGracePeriodSeconds() != null)
                .map(Probe::terminationGracePeriodSeconds);
        Stream<Long> deletes = trial.index().all(DeletionRequested.class).stream().map(DeletionRequested::gracePeriodSeconds);
        return Stream.concat(Stream.of(pod), Stream.concat(probes, deletes)).mapToLong(Long::longValue).max().orElse(pod);
    }
}
