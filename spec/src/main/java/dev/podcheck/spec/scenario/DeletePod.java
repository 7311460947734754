package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;

/**
 * A DELETE of the pod at {@code at}. A null {@code gracePeriodSeconds} uses the pod's
 * terminationGracePeriodSeconds (SEMANTICS T-1); {@code force} removes the API object at once (T-3).
 */
public record DeletePod(Duration at, Long gracePeriodSeconds, boolean force) implements WorldEvent {
    public DeletePod {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
    }

    public static DeletePod at(Duration at, Long gracePeriodSeconds) {
        return new DeletePod(at, gracePeriodSeconds, false);
    }
}
