package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import java.util.Set;

/**
 * termination/oom-killed (SEMANTICS E-11): a container whose memory cgroup ran out is OOMKilled
 * with exit code 137, because the kubelet has the kernel kill all of it: memory.oom.group on
 * cgroup v2, Kubernetes 1.28 and later unless singleProcessOOMKill is set
 * (kuberuntime_container_linux.go). On cgroup v1 only the largest process dies, and a container
 * whose main process survives or handles that shows another code: a node fact its known
 * deviations name (deviations/kubelet-1.34.yaml).
 */
public final class OomKilled implements Invariant {
    @Override
    public String id() {
        return "termination/oom-killed";
    }

    @Override
    public String must() {
        return "A container that shows reason OOMKilled MUST show exit code 137: the whole container is killed "
                + "(memory.oom.group).";
    }

    @Override
    public String source() {
        return "kuberuntime_container_linux.go (memory.oom.group on cgroup v2, singleProcessOOMKill); SEMANTICS E-11";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        return ExitCodes.firstWrong(trial, t -> "OOMKilled".equals(t.reason()) && t.exitCode() != ExitCodes.SIGKILLED
                ? "an OOM kill of the whole container gives exit code 137" : null);
    }
}
