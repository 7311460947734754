package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The warnings the apiserver returns when it creates a pod, for what podcheck checks: WarningsOnCreate in
 * pkg/registry/core/pod/strategy.go (the name as a hostname) and warningsForPodSpecAndMeta in
 * pkg/api/pod/warnings.go (fractional byte quantities, env, ports, and {@link SchedulingWarnings}), in their
 * order. Computed on the defaulted pod,
 * as there: a limit copied into the requests warns twice. warnings.go also warns about a negative
 * terminationGracePeriodSeconds, but a v1 pod never has one by then (see {@link Defaulting}).
 */
public final class Warnings {
    static final String FRACTIONAL_BYTES = "fractional byte value \"%s\" is invalid, must be an integer";
    static final String NAME_AS_HOSTNAME =
            "this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: ";

    private Warnings() {}

    public static List<Warning> onCreate(Pod defaulted) {
        List<Warning> out = new ArrayList<>();
        String name = defaulted.metadata().name();
        if (name != null && !name.isEmpty()) {
            List<String> msgs = NameRules.dns1123Label(name);
            if (!msgs.isEmpty()) {
                // Go's %v of a []string: the messages in brackets, separated by spaces.
                out.add(new Warning("metadata.name", NAME_AS_HOSTNAME + "[" + String.join(" ", msgs) + "]"));
            }
        }
        SchedulingWarnings.nodePlacement(defaulted.spec(), out);
        // pods.VisitContainersWithPath: init containers first.
        List<Container> inits = defaulted.spec().initContainers();
        for (int i = 0; i < inits.size(); i++) {
            fractionalBytes(inits.get(i).resources(), "spec.initContainers[" + i + "].resources", out);
        }
        List<Container> containers = defaulted.spec().containers();
        for (int i = 0; i < containers.size(); i++) {
            fractionalBytes(containers.get(i).resources(), "spec.containers[" + i + "].resources", out);
        }
        ContainerWarnings.env(defaulted.spec(), out);
        ContainerWarnings.ports(defaulted.spec(), out);
        SchedulingWarnings.podAffinity(defaulted.spec(), out);
        return List.copyOf(out);
    }

    // #79950: a byte count with a fraction (memory: 500m is half a byte) is accepted, rounded up, and warned about.
    private static void fractionalBytes(ResourceRequirements resources, String path, List<Warning> out) {
        fractional(resources.limits(), ResourceRequirements.MEMORY, path + ".limits", out);
        fractional(resources.requests(), ResourceRequirements.MEMORY, path + ".requests", out);
        fractional(resources.limits(), ResourceRequirements.EPHEMERAL_STORAGE, path + ".limits", out);
        fractional(resources.requests(), ResourceRequirements.EPHEMERAL_STORAGE, path + ".requests", out);
    }

    private static void fractional(Map<String, Quantity> list, String resource, String path, List<Warning> out) {
        Quantity q = list.get(resource);
        // value.MilliValue() % 1000 != 0
        if (q != null && q.value().movePointRight(3).setScale(0, RoundingMode.UP)
                .remainder(BigDecimal.valueOf(1000)).signum() != 0) {
            out.add(new Warning(path + "[" + resource + "]", String.format(FRACTIONAL_BYTES, q)));
        }
    }
}
