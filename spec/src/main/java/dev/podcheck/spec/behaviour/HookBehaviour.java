package dev.podcheck.spec.behaviour;

import java.time.Duration;

/** How a lifecycle hook handler behaves when the kubelet runs it: how long it takes, whether it fails. */
public record HookBehaviour(Duration takes, boolean fails) {
    public static final HookBehaviour INSTANT = new HookBehaviour(Duration.ZERO, false);

    public HookBehaviour {
        takes = takes == null ? Duration.ZERO : takes;
        Durations.requireNonNegative("takes", takes);
    }
}
