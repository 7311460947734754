package dev.podcheck.conformance.invariant.probe;

import static dev.podcheck.conformance.invariant.TraceQueries.runAt;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.KubeletEvent;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * probe/kill-at-threshold (SEMANTICS P-4.10, P-8, P-9, S-8): the other direction of
 * probe/liveness-threshold. Once a liveness or startup worker commits Failure (failureThreshold
 * failures in a row), the results manager's update wakes the pod worker (kubelet.go syncLoopIteration,
 * livenessManager/startupManager updates) and computePodActions or computeInitContainerActions kills
 * the container: by the next relist, later only if a start or a kill under way holds the worker.
 * Nothing is owed once the container exited by itself or the pod is being stopped (T-11).
 */
public final class KillAtThreshold implements Invariant {
    static final String MESSAGE = "%s failed %d %s probes in a row by %d ms (failureThreshold %d) and was not killed "
            + "by %d ms";

    @Override
    public String id() {
        return "probe/kill-at-threshold";
    }

    @Override
    public String must() {
        return "A running container whose liveness or startup probe failed failureThreshold times in a row MUST be "
                + "killed for it by the next SyncPod, unless it exits first or the pod is being stopped.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/worker.go doProbe; kubelet.go syncLoopIteration; kuberuntime_manager.go "
                + "computePodActions; kuberuntime_container.go computeInitContainerActions; SEMANTICS P-4, P-8, P-9";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS,
                Observation.PHASE, Observation.HOOKS);
    }

    @Override
    public Verdict check(Observed trial) {
        Verdict verdict = Verdict.HOLDS;
        for (Container c : trial.scenario().pod().spec().allContainers().toList()) {
            for (ProbeKind kind : List.of(ProbeKind.liveness, ProbeKind.startup)) {
                if (c.probe(kind) != null) {
                    verdict = verdict.and(judge(trial, c.name(), kind, c.probe(kind).failureThreshold()));
                }
            }
        }
        return verdict;
    }

    private static Verdict judge(Observed trial, String container, ProbeKind kind, int threshold) {
        int failures = 0;
        long stops = RestartDue.stopsAt(trial);
        for (TraceEvent e : trial.trace().events()) {
            if (e instanceof ProbeResult r && r.container().equals(container) && r.probe() == kind) {
                failures = r.success() ? 0 : failures + 1;
                if (failures == threshold) {
                    Optional<Verdict> missed = missed(trial, r, threshold, stops);
                    if (missed.isPresent()) {
                        return missed.get();
                    }
                }
            } else if (e instanceof KubeletEvent k && k.container().equals(container) && isKill(k, kind)) {
                failures = 0; // a committed Failure puts the worker on hold and restarts its count (P-4.11)
            }
        }
        return Verdict.HOLDS;
    }

    private static Optional<Verdict> missed(Observed trial, ProbeResult r, int threshold, long stops) {
        long due = RestartDue.heldUntil(trial, r.at(), r.at() + RestartDue.PLEG_RELIST_MILLIS) + trial.toleranceMillis();
        Optional<Run> run = runAt(trial, r.container(), r);
        boolean killed = trial.index().all(KubeletEvent.class).stream()
                .anyMatch(k -> k.container().equals(r.container()) && isKill(k, r.probe()) && k.at() >= r.at()
                        && k.at() <= due);
        boolean exited = run.isEmpty() || run.get().exit() != null && run.get().exit().finishedAt() <= due;
        // a stop cuts a start under way before it shows, so a hold it caused may be unseen: nothing owed then
        boolean stoppedFirst = stops <= due + RestartDue.longestStartChain(trial);
        if (killed || exited || stoppedFirst || due >= trial.horizonMillis()) {
            return Optional.empty();
        }
        return Optional.of(Verdict.violated(String.format(MESSAGE, r.container(), threshold, r.probe(), r.at(), threshold,
                due), r));
    }

    static boolean isKill(KubeletEvent e, ProbeKind kind) {
        return e.reason().equals("Killing") && e.message().contains("failed " + kind + " probe");
    }
}
