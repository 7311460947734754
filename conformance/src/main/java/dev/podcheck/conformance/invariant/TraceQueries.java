package dev.podcheck.conformance.invariant;

import dev.podcheck.spec.trace.ContainerState;
import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent.ContainerStatusChanged;
import java.util.Optional;
import java.util.function.Predicate;

/** Questions invariants ask of a trace, answered with the event that shows the answer (the witness). */
public final class TraceQueries {
    private TraceQueries() {}

    /** The first status change of {@code container} that matches. */
    public static Optional<ContainerStatusChanged> first(Trace trace, String container,
                                                          Predicate<ContainerStatusChanged> matching) {
        return trace.all(ContainerStatusChanged.class)
                .filter(e -> e.status().name().equals(container))
                .filter(matching)
                .findFirst();
    }

    /** The first status that shows the container running (its first instance's start). */
    public static Optional<ContainerStatusChanged> firstRunning(Trace trace, String container) {
        return first(trace, container, e -> e.status().state() instanceof ContainerState.Running);
    }

    /** When that status says the container started running. */
    public static long startedAt(ContainerStatusChanged running) {
        return ((ContainerState.Running) running.status().state()).startedAt();
    }

    /** The first status showing a termination with exit code 0. */
    public static Optional<ContainerStatusChanged> firstSucceeded(Trace trace, String container) {
        return first(trace, container, e -> e.status().state() instanceof ContainerState.Terminated t && t.exitCode() == 0);
    }

    /** The first status with started == true. */
    public static Optional<ContainerStatusChanged> firstStarted(Trace trace, String container) {
        return first(trace, container, e -> e.status().started());
    }
}
