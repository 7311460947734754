package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code restart}, in id order. */
public final class RestartInvariants {
    private RestartInvariants() {}

    public static List<Invariant> all() {
        // restart/always (AlwaysRestarts) is out until its deadline counts image pulls and the back-off a
        // probe-killed restart leaves behind: on those it flags the engine where doBackOff agrees with it.
        return List.of(new BackOff(), new BackOffCap(), new CountMonotone(), new CrashLoopHasLastState(),
                new NeverRestarts(), new OnFailureRestarts());
    }
}
