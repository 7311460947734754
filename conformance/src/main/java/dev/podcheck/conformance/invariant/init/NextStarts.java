package dev.podcheck.conformance.invariant.init;

import static dev.podcheck.conformance.invariant.TraceQueries.runs;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Run;
import dev.podcheck.conformance.invariant.restart.RestartDue;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.trace.TraceEvent.ProbeResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * init/next-starts (SEMANTICS S-4, S-5, S-6, INV-13): the progress direction of init/order. Once
 * init[i] exited 0 (a regular init container) or runs and its startup probe passed (a sidecar), the
 * next SyncPod's computeInitContainerActions starts init[i+1], or computePodActions the first
 * regular container after the last: that SyncPod comes with the next relist (1 s, PLEG sees the exit
 * or the start) or at once for a startup success, later only if a start or a kill under way holds
 * the pod worker. Only the first run of each is judged, while the one before still stands.
 */
public final class NextStarts implements Invariant {
    static final String MESSAGE = "%s was ready to let %s start at %d ms, but %s was not asked to start by %d ms";

    @Override
    public String id() {
        return "init/next-starts";
    }

    @Override
    public String must() {
        return "Once an init container has exited 0 (regular) or runs with its startup probe passed (sidecar), the "
                + "next init container, or the first regular container after the last, MUST be started by the next "
                + "SyncPod, unless the pod is being stopped.";
    }

    @Override
    public String source() {
        return "kuberuntime_container.go computeInitContainerActions; kuberuntime_manager.go computePodActions; "
                + "SEMANTICS S-4, S-5, S-6, INV-13";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES, Observation.PROBE_RESULTS, Observation.KUBELET_EVENTS,
                Observation.PHASE, Observation.HOOKS, Observation.BEHAVIOURS);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        List<Container> init = spec.initContainers();
        if (init.isEmpty()) {
            return Verdict.HOLDS;
        }
        long stops = RestartDue.stopsAt(trial);
        for (int i = 0; i < init.size(); i++) {
            String next = i + 1 < init.size() ? init.get(i + 1).name() : spec.containers().get(0).name();
            Optional<Verdict> late = judge(trial, init.get(i), next, stops);
            if (late.isPresent()) {
                return late.get();
            }
        }
        return Verdict.HOLDS;
    }

    private static Optional<Verdict> judge(Observed trial, Container before, String next, long stops) {
        List<Run> runs = runs(trial, before.name());
        if (runs.isEmpty()) {
            return Optional.empty();
        }
        Run run = before.isSidecar() ? runs.get(0) : runs.stream().filter(r -> r.exit() != null
                && r.exit().exitCode() == 0).findFirst().orElse(null);
        if (run == null) {
            return Optional.empty();
        }
        long ready = readyAt(trial, before, run);
        if (ready == Long.MAX_VALUE) {
            return Optional.empty();
        }
        long due = RestartDue.heldUntil(trial, ready, ready + RestartDue.PLEG_RELIST_MILLIS) + trial.toleranceMillis();
        boolean sidecarEnded = before.isSidecar() && run.exit() != null && run.exit().finishedAt() <= due;
        if (sidecarEnded || stops <= due + RestartDue.longestStartChain(trial) || due >= trial.horizonMillis()) {
            return Optional.empty();
        }
        boolean asked = RestartDue.firstAsked(trial, next) <= due;
        return asked ? Optional.empty() : Optional.of(Verdict.violated(String.format(MESSAGE, before.name(), next, ready,
                next, due), run.exitShown() != null ? run.exitShown() : run.shown()));
    }

    /** When init[i] let the next start: its exit 0, or a sidecar's start or its first startup success. */
    private static long readyAt(Observed trial, Container before, Run run) {
        if (!before.isSidecar()) {
            return run.exit().finishedAt();
        }
        if (before.probe(ProbeKind.startup) == null) {
            return run.startedAt();
        }
        return trial.index().all(ProbeResult.class).stream()
                .filter(r -> r.container().equals(before.name()) && r.probe() == ProbeKind.startup && r.success()
                        && r.at() >= run.startedAt() && (run.exit() == null || r.at() <= run.exit().finishedAt()))
                .mapToLong(ProbeResult::at).findFirst().orElse(Long.MAX_VALUE);
    }
}
