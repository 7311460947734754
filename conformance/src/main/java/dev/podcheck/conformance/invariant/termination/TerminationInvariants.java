package dev.podcheck.conformance.invariant.termination;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code termination}, in id order. */
public final class TerminationInvariants {
    private TerminationInvariants() {}

    /**
     * Left out while the engine breaks them (engine bugs, see their classes' tests):
     * termination/prestop-before-sigterm ({@link PreStopBeforeSigterm}: a pod stop with
     * terminationGracePeriodSeconds 0 skips preStop, where calculateEffectiveGracePeriod gives at
     * least 1 s) and termination/removal-bound ({@link RemovalBound}: a pod deleted during
     * initialization is removed while still Pending, where TerminatePod first marks it Failed).
     */
    public static List<Invariant> all() {
        return List.of(new ForceAtOnce(), new Grace(), new MinimumTwoSeconds(), new PreStopBeforeSigterm(), new RemovalBound());
    }
}
