package dev.podcheck.conformance.invariant.probe;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code probe}, in id order. */
public final class ProbeInvariants {
    private ProbeInvariants() {}

    public static List<Invariant> all() {
        return List.of(new InitialDelay(), new KillAtThreshold(), FailureThreshold.liveness(), new ReadinessNeverKills(),
                new ReadinessThreshold(), new StartupGatesOthers(), FailureThreshold.startup(), new StartedAfterStartup());
    }
}
