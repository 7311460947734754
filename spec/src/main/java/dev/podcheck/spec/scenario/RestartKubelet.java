package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;

/**
 * The node's kubelet restarts at {@code at} (SEMANTICS KR-1..KR-5): the containers the runtime runs go on,
 * with their restart counts; what the kubelet kept in memory (probe results, back-offs, the reason cache)
 * starts again. The restart takes no virtual time: the kubelet is back at {@code at}.
 */
public record RestartKubelet(Duration at) implements WorldEvent {
    public RestartKubelet {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
    }
}
