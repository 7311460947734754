package dev.podcheck.conformance.selfcheck;

import dev.podcheck.conformance.api.Observed;
import java.util.function.Predicate;

/**
 * Something a generated trial does that a rule needs to be exercised (a liveness kill, a deletion
 * with a longer grace than the pod's), named as the pod spec or the kubelet names it.
 */
record Feature(String name, Predicate<Observed> shows) {
    Feature {
        if (name == null || name.isBlank() || shows == null) {
            throw new IllegalArgumentException("a feature has a name and a test");
        }
    }
}
