package dev.podcheck.spec.behaviour;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;

/**
 * How an image behaves on the node (SEMANTICS IP-3): whether it is there before the pod comes, how
 * long a pull of it takes, and how many pulls fail before one succeeds. An image a scenario does
 * not describe is present and its pulls are not acted (no Pulling or Pulled events, no time).
 *
 * @param present     on the node before the pod starts (an IfNotPresent container then never pulls it)
 * @param pullTakes   how long each pull takes, failed or not
 * @param failedPulls how many pulls fail (ErrImagePull) before the next one succeeds
 * @param neverPulls  every pull fails: a registry that does not have it
 */
public record NodeImage(boolean present, Duration pullTakes, Integer failedPulls, boolean neverPulls) {
    /** On the node; a pull, under imagePullPolicy Always, succeeds at once. */
    public static final NodeImage PRESENT = new NodeImage(true, Duration.ZERO, 0, false);

    public NodeImage {
        pullTakes = pullTakes == null ? Duration.ZERO : pullTakes;
        Durations.requireNonNegative("pullTakes", pullTakes);
        failedPulls = failedPulls == null ? 0 : failedPulls;
        if (failedPulls < 0) {
            throw new IllegalArgumentException("failedPulls must not be negative, got " + failedPulls);
        }
        if (neverPulls && failedPulls > 0) {
            throw new IllegalArgumentException("an image that never pulls has no count of failed pulls");
        }
    }

    /** Not on the node: each pull takes {@code takes}; the first {@code failures} fail. */
    public static NodeImage pulls(Duration takes, int failures) {
        return new NodeImage(false, takes, failures, false);
    }

    /** Not on the node, and no pull of it ever succeeds. */
    public static NodeImage unpullable(Duration takes) {
        return new NodeImage(false, takes, 0, true);
    }

    /** Whether the pull numbered {@code attempt} (from 0) of this image fails. */
    @JsonIgnore
    public boolean pullFails(int attempt) {
        return neverPulls || attempt < failedPulls;
    }
}
