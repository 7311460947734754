package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;

/**
 * A client removes every finalizer of the pod at {@code at} (a patch of metadata.finalizers to
 * empty). A pod already deleted with grace 0 is removed then (SEMANTICS FZ-3); otherwise it only
 * lets the kubelet's final DELETE remove it.
 */
public record RemoveFinalizers(Duration at) implements WorldEvent {
    public RemoveFinalizers {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
    }
}
