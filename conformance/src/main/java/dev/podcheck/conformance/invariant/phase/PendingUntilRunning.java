package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.TraceQueries.snapshots;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.PodPhase;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * phase/pending-until-running (SEMANTICS ST-5, INV-3, INV-12), both directions: getPhase says
 * Pending while no regular container has started (rule 2: initialization pending) and Running once
 * every regular container runs and no sidecar waits for its first start (rules 3 and 4). So the
 * phase is not Running before a regular container ran, and becomes Running within the status
 * manager's latency once they all run, unless the pod is already terminal.
 */
public final class PendingUntilRunning implements Invariant {
    static final String EARLY = "the pod phase became Running at %d ms before any regular container had started";
    static final String LATE = "every regular container was running from %d ms but the pod phase was still %s at %d ms";

    @Override
    public String id() {
        return "phase/pending-until-running";
    }

    @Override
    public String must() {
        return "The pod phase MUST stay Pending until a regular container has started, and MUST become Running "
                + "within the target's tolerance once every regular container is running and no sidecar waits for its "
                + "first start, unless the pod is terminal.";
    }

    @Override
    public String source() {
        return "kubelet_pods.go getPhase; status_manager.go; SEMANTICS ST-5, INV-3, INV-12";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        PodSpec spec = trial.scenario().pod().spec();
        Set<String> regular = new HashSet<>(spec.containers().stream().map(Container::name).toList());
        long firstStart = trial.index().all(ContainerStatusChanged.class).stream()
                .filter(c -> regular.contains(c.status().name()))
                .filter(c -> c.status().state() instanceof ContainerState.Running
                        || c.status().state() instanceof ContainerState.Terminated t
                        && !TraceQueries.UNKNOWN_AT_TERMINATION.equals(t.reason()))
                .mapToLong(ContainerStatusChanged::at).min().orElse(Long.MAX_VALUE);
        long allRunningSince = -1;
        for (Snapshot s : snapshots(trial)) {
            PodPhase phase = s.phase() == null ? PodPhase.Pending : s.phase().phase();
            if (phase == PodPhase.Running && s.at() < firstStart) {
                return Verdict.violated(String.format(EARLY, s.at()), s.phase());
            }
            boolean due = allRun(spec, s) && !phase.isTerminal() && phase != PodPhase.Running;
            if (!due) {
                allRunningSince = -1;
            } else if (allRunningSince < 0) {
                allRunningSince = s.at();
            } else if (s.at() > allRunningSince + trial.toleranceMillis()) {
                // in the pod's order: a snapshot's map has none
                return Verdict.violated(String.format(LATE, allRunningSince, phase, s.at()), spec.containers().stream()
                        .map(c -> s.statuses().get(c.name())).filter(Objects::nonNull).toList());
            }
        }
        if (allRunningSince >= 0 && allRunningSince + trial.toleranceMillis() < trial.horizonMillis()) {
            return Verdict.violated(String.format(LATE, allRunningSince, "not Running", trial.horizonMillis()),
                    trial.trace().events().get(trial.trace().events().size() - 1));
        }
        return Verdict.HOLDS;
    }

    private static boolean allRun(PodSpec spec, Snapshot s) {
        for (Container c : spec.containers()) {
            ContainerStatusChanged st = s.statuses().get(c.name());
            if (st == null || !(st.status().state() instanceof ContainerState.Running)) {
                return false;
            }
        }
        for (Container c : spec.sidecars()) {
            ContainerStatusChanged st = s.statuses().get(c.name());
            ContainerStatus status = st == null ? null : st.status();
            if (status == null || status.state() instanceof ContainerState.Waiting && status.lastState() == null) {
                return false;
            }
        }
        return true;
    }
}
