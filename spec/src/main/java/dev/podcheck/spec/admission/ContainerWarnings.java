package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.PodSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * warningsForPodSpecAndMeta's warnings about containers' env and ports (pkg/api/pod/warnings.go), on the
 * defaulted ports (protocol TCP, hostPort = containerPort under hostNetwork). Containers are visited as
 * VisitContainersWithPath does: init containers first.
 */
final class ContainerWarnings {
    private ContainerWarnings() {}

    /** A container's paths, init containers first. */
    private record At(Container container, String path) {}

    static void env(PodSpec spec, List<Warning> out) {
        for (At at : containers(spec)) {
            // #86163: a repeated name hides the earlier value unless the new one refers to it as $(NAME)
            Set<String> names = new HashSet<>();
            List<Map<String, Object>> env = PassThrough.list(at.container().extra(), "env");
            for (int i = 0; i < env.size(); i++) {
                String name = PassThrough.string(env.get(i), "name");
                if (names.add(name)) {
                    continue;
                }
                String ref = "$(" + name + ")";
                String value = PassThrough.string(env.get(i), "value");
                if (env.get(i).get("valueFrom") != null || value.equals(ref) || !value.contains(ref)) {
                    out.add(new Warning(at.path() + ".env[" + i + "]", "hides previous definition of \"" + name
                            + "\", which may be dropped when using apply"));
                }
            }
        }
    }

    /** A port seen so far, for the checks of the ports after it. */
    private record Seen(String field, long hostPort, String hostIP) {}

    /**
     * Two ports of one containerPort and protocol: the same host port and IP is a duplicate, an unset host port
     * beside another overlaps, one host IP set and the other not is ambiguous. (The hostIP-without-hostPort warning,
     * which prints the whole port with Go's %+v, is not given.)
     */
    static void ports(PodSpec spec, List<Warning> out) {
        boolean hostNetwork = PassThrough.bool(spec.extra(), "hostNetwork");
        Map<String, List<Seen>> byPort = new HashMap<>();
        for (At at : containers(spec)) {
            List<Map<String, Object>> ports = PassThrough.list(at.container().extra(), "ports");
            for (int i = 0; i < ports.size(); i++) {
                Map<String, Object> port = ports.get(i);
                long containerPort = PassThrough.integer(port, "containerPort");
                long written = PassThrough.integer(port, "hostPort");
                Seen seen = new Seen(at.path() + ".ports[" + i + "]", hostNetwork && written == 0 ? containerPort : written,
                        PassThrough.string(port, "hostIP"));
                List<Seen> others = byPort.computeIfAbsent(containerPort + "/" + PortValidation.protocol(port),
                        k -> new ArrayList<>());
                for (Seen other : others) {
                    conflict(seen, other).ifPresent(what -> out.add(new Warning(seen.field(), what + " port definition with "
                            + other.field())));
                }
                others.add(seen);
            }
        }
        portNames(spec, out);
    }

    private static Optional<String> conflict(Seen port, Seen other) {
        boolean noIP = port.hostIP().isEmpty();
        boolean otherNoIP = other.hostIP().isEmpty();
        if (port.hostIP().equals(other.hostIP()) && port.hostPort() == other.hostPort()) {
            return Optional.of("duplicate");
        } else if (port.hostPort() == 0 || other.hostPort() == 0) {
            return Optional.of("overlapping");
        } else if (port.hostPort() == other.hostPort() && noIP != otherNoIP) {
            return Optional.of("dangerously ambiguous");
        }
        return Optional.empty();
    }

    private static void portNames(PodSpec spec, List<Warning> out) {
        Map<String, String> first = new HashMap<>();
        for (At at : containers(spec)) {
            List<Map<String, Object>> ports = PassThrough.list(at.container().extra(), "ports");
            for (int i = 0; i < ports.size(); i++) {
                String name = PassThrough.string(ports.get(i), "name");
                String field = at.path() + ".ports[" + i + "]";
                String other = first.putIfAbsent(name, field);
                if (!name.isEmpty() && other != null) {
                    out.add(new Warning(field, "duplicate port name \"" + name + "\" with " + other
                            + ", services and probes that select ports by name will use " + other));
                }
            }
        }
    }

    private static List<At> containers(PodSpec spec) {
        List<At> out = new ArrayList<>();
        for (int i = 0; i < spec.initContainers().size(); i++) {
            out.add(new At(spec.initContainers().get(i), "spec.initContainers[" + i + "]"));
        }
        for (int i = 0; i < spec.containers().size(); i++) {
            out.add(new At(spec.containers().get(i), "spec.containers[" + i + "]"));
        }
        return out;
    }
}
