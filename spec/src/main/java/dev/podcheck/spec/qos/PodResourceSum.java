package dev.podcheck.spec.qos;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import java.util.function.Function;

/**
 * A pod's request or limit of one resource from its containers' (component-helpers/resource PodRequests and
 * PodLimits): regular containers and sidecars add up; each regular init container needs its own amount plus the
 * sidecars started before it; the pod's is the larger of the two (KEP-753). Pod-level resources and spec.overhead
 * are not modelled (our PodSpec carries neither).
 */
final class PodResourceSum {
    private PodResourceSum() {}

    static Quantity of(PodSpec spec, Function<Container, Quantity> amount) {
        Quantity running = Quantity.ZERO;
        for (Container container : spec.containers()) {
            running = running.plus(amount.apply(container));
        }
        Quantity sidecars = Quantity.ZERO;
        Quantity initPeak = Quantity.ZERO;
        for (Container init : spec.initContainers()) {
            Quantity needed;
            if (init.isSidecar()) {
                running = running.plus(amount.apply(init));
                sidecars = sidecars.plus(amount.apply(init));
                needed = sidecars;
            } else {
                needed = amount.apply(init).plus(sidecars);
            }
            initPeak = max(initPeak, needed);
        }
        return max(running, initPeak);
    }

    private static Quantity max(Quantity a, Quantity b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
