package dev.podcheck.spec.generate;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.scenario.UpdatePod;
import dev.podcheck.spec.scenario.WorldEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Updates of the pod's spec (SEMANTICS SU-1..SU-4), drawn after everything else so that every earlier
 * draw stays as it was: a container's new image, a deadline set, lowered or (refused) raised, and now
 * and then a container the pod lacks (refused). Choice 0 adds nothing.
 */
final class UpdateGen {
    private static final Gen<Duration> AT = Gen.longs(0, 180, 30).map(Duration::ofSeconds);
    private static final Gen<String> IMAGES = Gen.elements("busybox:1.37", "nginx:1.27", "registry.k8s.io/pause:3.10");

    private UpdateGen() {}

    /** A fifth of the pods are updated once. */
    static Scenario add(Scenario scenario, Choices c) {
        if (!c.drawBoolean(0.2)) {
            return scenario;
        }
        Duration at = AT.generate(c);
        List<Container> all = scenario.pod().spec().allContainers().toList();
        UpdatePod update = switch (c.drawWeighted(6, 4, 1)) {
            case 0 -> image(all.get(c.drawIndex(all.size())), at, c);
            case 1 -> deadline(scenario.pod().spec().activeDeadlineSeconds(), at, c);
            default -> UpdatePod.image(at, "extra", "nginx:1.27");
        };
        List<WorldEvent> events = new ArrayList<>(scenario.events());
        events.add(update);
        return scenario.withEvents(events);
    }

    private static UpdatePod image(Container container, Duration at, Choices c) {
        String image = IMAGES.generate(c);
        return UpdatePod.image(at, container.name(), image.equals(container.image()) ? "busybox:1.38" : image);
    }

    /** Set when unset; else mostly lowered, sometimes raised, which the apiserver refuses. */
    private static UpdatePod deadline(Long current, Duration at, Choices c) {
        if (current == null) {
            return UpdatePod.activeDeadlineSeconds(at, Gen.longs(5, 300, 60).generate(c));
        }
        return UpdatePod.activeDeadlineSeconds(at, c.drawBoolean(0.7) ? Math.max(1, current / 2) : current + 60);
    }
}
