package dev.podcheck.spec.scenario;

import dev.podcheck.spec.behaviour.Durations;
import java.time.Duration;

/**
 * The runtime loses the pod's sandbox at {@code at}, as CRI StopPodSandbox or a node reboot does (SEMANTICS
 * SB-1): every container of the pod is killed with it (SIGKILL, exit 137). The kubelet then creates a new
 * sandbox and runs the init containers again from the first (SB-2..SB-5).
 */
public record LoseSandbox(Duration at) implements WorldEvent {
    public LoseSandbox {
        at = at == null ? Duration.ZERO : at;
        if (at.isNegative()) {
            throw new IllegalArgumentException("at must not be negative, got " + Durations.format(at));
        }
    }
}
