package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import dev.podcheck.conformance.api.Observation;
import dev.podcheck.conformance.api.Observed;
import dev.podcheck.conformance.api.Verdict;
import dev.podcheck.conformance.invariant.TraceQueries;
import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

/**
 * termination/exit-codes (SEMANTICS ST-4, T-9, M-5): the exit code a terminated state shows
 * follows from what ended the process: 128 + 9 when SIGKILL did (a stop past its grace; no process
 * can handle it), 137 for the kubelet's ContainerStatusUnknown, and reason Completed only for exit
 * code 0. After SIGTERM the code is the process's own choice (143 only when it dies of the signal),
 * so it is not judged here; an OOM kill is {@link OomKilled}'s, as it depends on the node's cgroups.
 */
public final class ExitCodes implements Invariant {
    static final String MESSAGE = "%s shows Terminated with exit code %d, reason %s%s at %d ms, where %s";
    static final int SIGKILLED = 137;

    @Override
    public String id() {
        return "termination/exit-codes";
    }

    @Override
    public String must() {
        return "A terminated container MUST show exit code 137 when SIGKILL ended it or its status was lost, and reason "
                + "Completed only with exit code 0.";
    }

    @Override
    public String source() {
        return "CRI runtimes' exit status (128 + signal), kubelet_pods.go convertToAPIContainerStatuses, "
                + "status_manager.go TerminatePod; SEMANTICS ST-4, T-9, M-5";
    }

    @Override
    public Set<Observation> needs() {
        return Set.of(Observation.CONTAINER_STATUSES);
    }

    @Override
    public Verdict check(Observed trial) {
        return firstWrong(trial, ExitCodes::expected);
    }

    /**
     * The first terminated state (current or last) that {@code expected} finds wrong, naming what it should have
     * shown; HOLDS when none is.
     */
    static Verdict firstWrong(Observed trial, Function<ContainerState.Terminated, String> expected) {
        return trial.index().all(ContainerStatusChanged.class).stream()
                .map(e -> wrong(e, e.status().state(), expected).or(() -> wrong(e, e.status().lastState(), expected)))
                .flatMap(Optional::stream).findFirst().orElse(Verdict.HOLDS);
    }

    private static Optional<Verdict> wrong(ContainerStatusChanged e, ContainerState state,
                                           Function<ContainerState.Terminated, String> expected) {
        if (!(state instanceof ContainerState.Terminated t)) {
            return Optional.empty();
        }
        String should = expected.apply(t);
        if (should == null) {
            return Optional.empty();
        }
        String signal = t.signal() == null || t.signal().isEmpty() ? "" : " by " + t.signal();
        return Optional.of(Verdict.violated(String.format(MESSAGE, e.status().name(), t.exitCode(), t.reason(), signal,
                e.at(), should), e));
    }

    /** What the state should have shown, or null when it agrees with its cause. */
    private static String expected(ContainerState.Terminated t) {
        boolean killed = "SIGKILL".equals(t.signal()) || TraceQueries.UNKNOWN_AT_TERMINATION.equals(t.reason());
        if (killed && t.exitCode() != SIGKILLED) {
            return "SIGKILL or a lost status gives exit code 137";
        }
        if ("Completed".equals(t.reason()) && t.exitCode() != 0) {
            return "reason Completed means exit code 0";
        }
        return null;
    }
}
