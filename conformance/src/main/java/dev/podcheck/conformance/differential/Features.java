package dev.podcheck.conformance.differential;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import dev.podcheck.spec.scenario.DeletePod;
import dev.podcheck.spec.scenario.NodeMemoryPressure;
import dev.podcheck.spec.scenario.NodeDiskPressure;
import dev.podcheck.spec.scenario.NodePidPressure;
import dev.podcheck.spec.scenario.Scenario;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The features of a scenario a known deviation may be narrowed to, named as the pod spec names
 * them: a deviation that shows only with liveness probes says {@code liveness-probe}, and the same
 * fact stays checked everywhere else.
 */
public final class Features {
    /** Every feature, for messages that must say which exist. */
    public static final List<String> ALL = List.of("init-containers", "sidecars", "restartPolicy=Always",
            "restartPolicy=OnFailure", "restartPolicy=Never", "startup-probe", "liveness-probe", "readiness-probe",
            "lifecycle-hooks", "deletion", "active-deadline", "node-pressure", "memory-above-limit");

    private Features() {}

    /** The features of a defaulted scenario. */
    public static Set<String> of(Scenario defaulted) {
        PodSpec spec = defaulted.pod().spec();
        Set<String> out = new TreeSet<>();
        if (spec.initContainers().stream().anyMatch(c -> !c.isSidecar())) {
            out.add("init-containers");
        }
        if (spec.initContainers().stream().anyMatch(Container::isSidecar)) {
            out.add("sidecars");
        }
        out.add("restartPolicy=" + spec.restartPolicyValue());
        List<Container> all = spec.allContainers().toList();
        all.stream().flatMap(Container::probeKinds).forEach(kind -> out.add(kind + "-probe"));
        if (all.stream().anyMatch(c -> c.lifecycle() != null)) {
            out.add("lifecycle-hooks");
        }
        if (defaulted.events().stream().anyMatch(DeletePod.class::isInstance)) {
            out.add("deletion");
        }
        if (spec.activeDeadlineSeconds() != null) {
            out.add("active-deadline");
        }
        if (defaulted.events().stream().anyMatch(e -> e instanceof NodeMemoryPressure || e instanceof NodePidPressure
                || e instanceof NodeDiskPressure)) {
            out.add("node-pressure");
        }
        if (all.stream().anyMatch(c -> usesMoreThanItsLimit(defaulted, c))) {
            out.add("memory-above-limit");
        }
        return out;
    }

    /** Whether an instance of the container uses more memory than its limit (the kernel's OOM killer acts). */
    private static boolean usesMoreThanItsLimit(Scenario defaulted, Container c) {
        return c.resources().limit(ResourceRequirements.MEMORY).map(Quantity::longValue)
                .map(limit -> defaulted.behaviour(c.name()).instances().stream().flatMap(i -> i.memory().stream())
                        .anyMatch(m -> m.bytes().longValue() > limit))
                .orElse(false);
    }
}
