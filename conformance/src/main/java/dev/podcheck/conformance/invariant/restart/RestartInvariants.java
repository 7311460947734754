package dev.podcheck.conformance.invariant.restart;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code restart}, in id order. */
public final class RestartInvariants {
    private RestartInvariants() {}

    public static List<Invariant> all() {
        return List.of(new AlwaysRestarts(), new BackOff(), new BackOffCap(), new CountMonotone(),
                new CrashLoopHasLastState(), new NeverRestarts(), new OnFailureRestarts(), new FailedRestarts());
    }
}
