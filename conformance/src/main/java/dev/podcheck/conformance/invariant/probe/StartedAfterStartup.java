package dev.podcheck.conformance.invariant.probe;

import static dev.podcheck.conformance.invariant.TraceQueries.runAt;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.Optional;
import java.util.Set;

/**
 * probe/started-after-startup (SEMANTICS P-11, INV-10): the progress direction of
 * probe/startup-gates-others. A startup success updates the startup results manager, whose update
 * makes syncLoopIteration sync the pod (handleProbeSync); generateAPIPodStatus then asks
 * prober_manager.go UpdatePodStatus, which sets started from that result. So started shows by the
 * next SyncPod, later only if a start or a kill under way holds the pod worker; nothing is owed once
 * the instance exited or the pod is being stopped.
 */
public final class StartedAfterStartup implements Invariant {
    static final String MESSAGE = "%s passed its startup probe at %d ms but its instance started at %d ms was not "
            + "shown started by %d ms";

    @Override
    public String id() {
        return "probe/started-after-startup";
    }

    @Override
    public String must() {
        return "A running container whose startup probe succeeded MUST be shown started by the next SyncPod, unless "
                + "it exits first or the pod is being stopped.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/prober_manager.go UpdatePodStatus; kubelet.go syncLoopIteration (startupManager "
                + "updates); SEMANTICS P-11, INV-10";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PROBE_RESULTS, Observation.CONTAINER_STATUSES, Observation.KUBELET_EVENTS,
                Observation.PHASE, Observation.HOOKS);
    }

    @Override
    public Verdict check(Observed trial) {
        long stops = RestartDue.stopsAt(trial);
        for (ProbeResult r : trial.index().all(ProbeResult.class).stream()
                .filter(r -> r.probe() == ProbeKind.startup && r.success()).toList()) {
            Optional<Verdict> missed = missed(trial, r, stops);
            if (missed.isPresent()) {
                return missed.get();
            }
        }
        return Verdict.HOLDS;
    }

    private static Optional<Verdict> missed(Observed trial, ProbeResult r, long stops) {
        long due = RestartDue.heldUntil(trial, r.at(), r.at() + RestartDue.PLEG_RELIST_MILLIS) + trial.toleranceMillis();
        Optional<Run> run = runAt(trial, r.container(), r);
        if (run.isEmpty() || run.get().exit() != null && run.get().exit().finishedAt() <= due
                || stops <= due + RestartDue.longestStartChain(trial) || due >= trial.horizonMillis()) {
            return Optional.empty();
        }
        long startedAt = run.get().startedAt();
        boolean shown = trial.index().all(ContainerStatusChanged.class).stream()
                .anyMatch(s -> s.status().name().equals(r.container()) && s.status().started() && s.at() <= due
                        && s.status().state() instanceof ContainerState.Running running
                        && running.startedAt() == startedAt);
        return shown ? Optional.empty()
                : Optional.of(Verdict.violated(String.format(MESSAGE, r.container(), r.at(), startedAt, due), r));
    }
}
