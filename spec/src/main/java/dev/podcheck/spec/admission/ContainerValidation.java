package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.RestartPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Regular and init containers (V-4..V-8, V-14..V-16), as validateContainers,
 * validateInitContainers, validateContainerCommon and validateContainersOnlyForPod in
 * pkg/apis/core/validation/validation.go check them (~v1.33, before ContainerRestartRules).
 */
final class ContainerValidation {
    static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
    static final List<String> TERMINATION_MESSAGE_POLICIES = List.of("File", "FallbackToLogsOnError");
    static final String NOT_FOR_REGULAR_INIT = "may not be set for init containers without restartPolicy=Always";
    static final String NOT_FOR_NON_INIT = "may not be set for non-init containers";

    private ContainerValidation() {}

    /** validateContainers: at least one; names unique among regular containers. */
    static void containers(PodSpec spec, Set<String> volumes, String path, List<Violation> out) {
        List<Container> containers = spec.containers();
        Long gracePeriod = spec.terminationGracePeriodSeconds();
        if (containers.isEmpty()) {
            out.add(Violation.required(path, ""));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            String at = path + "[" + i + "]";
            common(c, spec, volumes, at, out);
            hooksAndProbes(c, gracePeriod, at, out);
            if (c.restartPolicy() != null) {
                out.add(Violation.forbidden(at + ".restartPolicy", NOT_FOR_NON_INIT));
            }
            if (!names.add(nameOf(c))) {
                out.add(Violation.duplicate(at + ".name", nameOf(c)));
            }
        }
        PortValidation.hostPortConflicts(containers, hostNetwork(spec), path, out);
    }

    /**
     * validateInitContainers: names unique across init and regular containers (a clash is reported
     * on the init container); only sidecars may have hooks and probes.
     */
    static void initContainers(PodSpec spec, Set<String> volumes, String path, List<Violation> out) {
        List<Container> inits = spec.initContainers();
        Long gracePeriod = spec.terminationGracePeriodSeconds();
        Set<String> names = new HashSet<>();
        spec.containers().forEach(c -> names.add(nameOf(c)));
        for (int i = 0; i < inits.size(); i++) {
            Container c = inits.get(i);
            String at = path + "[" + i + "]";
            common(c, spec, volumes, at, out);
            if (c.restartPolicy() != null && !c.isSidecar()) {
                out.add(Violation.notSupported(at + ".restartPolicy", c.restartPolicy(),
                        HandlerValidation.supportedValues(List.of(RestartPolicy.Always.name()))));
            }
            if (names.contains(nameOf(c))) {
                out.add(Violation.duplicate(at + ".name", nameOf(c)));
            } else if (!nameOf(c).isEmpty()) {
                names.add(nameOf(c));
            }
            PortValidation.hostPortConflicts(List.of(c), hostNetwork(spec), path, out);
            if (c.isSidecar()) {
                hooksAndProbes(c, gracePeriod, at, out);
            } else {
                forbidHooksAndProbes(c, at, out);
            }
        }
    }

    // validateContainerCommon, plus validateContainersOnlyForPod's whitespace check on images.
    private static void common(Container c, PodSpec spec, Set<String> volumes, String at, List<Violation> out) {
        if (c.name() == null || c.name().isEmpty()) {
            out.add(Violation.required(at + ".name", ""));
        } else {
            NameRules.dns1123Label(c.name()).forEach(msg -> out.add(Violation.invalid(at + ".name", c.name(), msg)));
        }
        if (c.image() == null || c.image().isEmpty()) {
            out.add(Violation.required(at + ".image", ""));
        } else if (!c.image().equals(c.image().strip())) {
            out.add(Violation.invalid(at + ".image", c.image(), "must not have leading or trailing whitespace"));
        }
        PortValidation.ports(c, hostNetwork(spec), at, out);
        EnvValidation.env(c, at, out);
        VolumeValidation.mounts(c, volumes, at, out);
        supported(c.imagePullPolicy(), PULL_POLICIES, at + ".imagePullPolicy", out);
        ResourceValidation.requirements(c.resources(), at + ".resources", out);
        supported(c.terminationMessagePolicy(), TERMINATION_MESSAGE_POLICIES, at + ".terminationMessagePolicy", out);
        SecurityContextValidation.container(PassThrough.object(c.extra(), "securityContext"), spec, at + ".securityContext", out);
    }

    private static void hooksAndProbes(Container c, Long gracePeriod, String at, List<Violation> out) {
        if (c.lifecycle() != null) {
            HandlerValidation.lifecycle(c.lifecycle(), gracePeriod, at + ".lifecycle", out);
        }
        for (ProbeKind kind : List.of(ProbeKind.liveness, ProbeKind.readiness, ProbeKind.startup)) {
            Probe probe = c.probe(kind);
            if (probe != null) {
                ProbeValidation.probe(kind, probe, gracePeriod, at + "." + kind.fieldName(), out);
            }
        }
    }

    // V-14: a regular init container runs to completion once; hooks and probes have no meaning there.
    private static void forbidHooksAndProbes(Container c, String at, List<Violation> out) {
        if (c.lifecycle() != null) {
            out.add(Violation.forbidden(at + ".lifecycle", NOT_FOR_REGULAR_INIT));
        }
        for (ProbeKind kind : List.of(ProbeKind.liveness, ProbeKind.readiness, ProbeKind.startup)) {
            if (c.probe(kind) != null) {
                out.add(Violation.forbidden(at + "." + kind.fieldName(), NOT_FOR_REGULAR_INIT));
            }
        }
    }

    private static boolean hostNetwork(PodSpec spec) {
        return PassThrough.bool(spec.extra(), "hostNetwork");
    }

    // Go has no null string: an unset name is "".
    private static String nameOf(Container c) {
        return c.name() == null ? "" : c.name();
    }

    // An unset enumerated field is Required; an unknown value is NotSupported.
    private static void supported(String value, List<String> values, String path, List<Violation> out) {
        if (value == null || value.isEmpty()) {
            out.add(Violation.required(path, ""));
        } else if (!values.contains(value)) {
            out.add(Violation.notSupported(path, value, HandlerValidation.supportedValues(values)));
        }
    }
}
