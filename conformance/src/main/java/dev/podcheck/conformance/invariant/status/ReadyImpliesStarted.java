package dev.podcheck.conformance.invariant.status;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.ContainerStatus;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * status/ready-implies-started (SEMANTICS INV-9, P-11): ready is computed only for a started,
 * running container; a regular init container is ready exactly when it exited 0.
 */
public final class ReadyImpliesStarted implements Invariant {
    static final String MESSAGE = "%s reads ready=%s at %d ms while %s";

    @Override
    public String id() {
        return "status/ready-implies-started";
    }

    @Override
    public String must() {
        return "A regular container or sidecar MUST be ready only while it is running and started, and a regular "
                + "init container MUST be ready exactly when it has terminated with exit code 0.";
    }

    @Override
    public String source() {
        return "pkg/kubelet/prober/prober_manager.go UpdatePodStatus; SEMANTICS P-11, INV-9";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        Set<String> regularInits = trial.scenario().pod().spec().initContainers().stream()
                .filter(c -> !c.isSidecar()).map(Container::name).collect(Collectors.toSet());
        for (ContainerStatusChanged e : trial.index().all(ContainerStatusChanged.class)) {
            ContainerStatus s = e.status();
            String broken = regularInits.contains(s.name()) ? initProblem(s) : problem(s);
            if (broken != null) {
                return Verdict.violated(String.format(MESSAGE, s.name(), s.ready(), e.at(), broken), e);
            }
        }
        return Verdict.HOLDS;
    }

    private static String problem(ContainerStatus s) {
        if (!s.ready()) {
            return null;
        }
        if (!s.isRunning()) {
            return "not running";
        }
        return s.started() ? null : "not started";
    }

    private static String initProblem(ContainerStatus s) {
        boolean succeeded = s.state() instanceof ContainerState.Terminated t && t.exitCode() == 0;
        if (s.ready() == succeeded) {
            return null;
        }
        return succeeded ? "it has terminated with exit code 0" : "it has not terminated with exit code 0";
    }
}
