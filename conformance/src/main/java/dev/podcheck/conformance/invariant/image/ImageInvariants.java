package dev.podcheck.conformance.invariant.image;

import dev.podcheck.conformance.api.Invariant;
import java.util.List;

/** The invariants of group {@code image}, in id order. */
public final class ImageInvariants {
    private ImageInvariants() {}

    /** The invariants of group {@code image}. */
    public static List<Invariant> all() {
        return List.of(new PullBackOff(), new PullPolicy(), new PullRetried());
    }
}
