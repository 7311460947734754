package dev.podcheck.conformance.invariant.phase;

import static dev.podcheck.conformance.invariant.TraceQueries.inOrder;
import static dev.podcheck.conformance.invariant.TraceQueries.snapshots;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries.Snapshot;
import dev.podcheck.spec.trace.ConditionType;
import dev.podcheck.spec.trace.TraceEvent;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.List;
import java.util.Set;

/**
 * phase/no-terminal-while-running (SEMANTICS INV-4, SM-3, SM-4, ST-15): the status manager holds a
 * terminal phase back while a container could run, and forces the readiness conditions False with it.
 */
public final class NoTerminalWhileRunning implements Invariant {
    static final String MESSAGE = "the pod is %s at %d ms while %s";
    private static final List<ConditionType> READINESS = List.of(ConditionType.ContainersReady, ConditionType.Ready);

    @Override
    public String id() {
        return "phase/no-terminal-while-running";
    }

    @Override
    public String must() {
        return "While the pod phase is Succeeded or Failed, no container MUST be running and the Ready and "
                + "ContainersReady conditions MUST NOT be True.";
    }

    @Override
    public String source() {
        return "status_manager.go mergePodStatus (couldHaveRunningContainers); SEMANTICS INV-4, SM-3, SM-4, ST-15";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.PHASE, Observation.CONDITIONS, Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        for (Snapshot now : snapshots(trial)) {
            if (now.phase() == null || !now.phase().phase().isTerminal()) {
                continue;
            }
            for (ContainerStatusChanged s : now.statuses().values()) {
                if (s.status().isRunning()) {
                    return violated(now, s.status().name() + " is running", s);
                }
            }
            for (ConditionType type : READINESS) {
                if (now.isTrue(type)) {
                    return violated(now, type + " is True", now.conditions().get(type));
                }
            }
        }
        return Verdict.HOLDS;
    }

    private static Verdict violated(Snapshot now, String what, TraceEvent witness) {
        return Verdict.violated(String.format(MESSAGE, now.phase().phase(), now.at(), what), inOrder(now.phase(), witness));
    }
}
