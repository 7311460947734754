package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code termination}, in id order. */
public final class TerminationInvariants {
    private TerminationInvariants() {}

    /** The invariants of group {@code termination}. */
    public static List<Invariant> all() {
        return List.of(new ExitCodes(), new ForceAtOnce(), new Grace(), new MinimumTwoSeconds(), new PreStopBeforeSigterm(),
                new RemovalBound(), new StoppedWithinGrace(), new OomKilled());
    }
}
