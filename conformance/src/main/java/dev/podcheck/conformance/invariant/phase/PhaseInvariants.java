package dev.podcheck.conformance.invariant.phase;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code phase}, in id order. */
public final class PhaseInvariants {
    private PhaseInvariants() {}

    public static List<Invariant> all() {
        return List.of(new FailedHasACause(), new FollowsContainers(), new NoReturnToPending(),
                new NoTerminalWhileRunning(), new PendingUntilRunning(), new SucceededMeansAllExitedZero(),
                new TerminalIsFinal());
    }
}
