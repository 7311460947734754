package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Container ports, as validateContainerPorts and validateHostNetwork in pkg/apis/core/validation/validation.go
 * check them after defaulting (protocol TCP, and with hostNetwork hostPort = containerPort).
 */
final class PortValidation {
    /** sets.List(supportedPortProtocols): sorted. */
    static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    static final String HOST_NETWORK_PORT = "must match `containerPort` when `hostNetwork` is true";

    private PortValidation() {}

    /** validateContainerPorts on the defaulted ports: under {@code hostNetwork} an unset hostPort is the containerPort. */
    static void ports(Container c, boolean hostNetwork, String at, List<Violation> out) {
        List<Map<String, Object>> ports = PassThrough.list(c.extra(), "ports");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            Map<String, Object> port = ports.get(i);
            String path = at + ".ports[" + i + "]";
            String name = PassThrough.string(port, "name");
            if (!name.isEmpty()) {
                List<String> msgs = NameRules.portName(name);
                msgs.forEach(msg -> out.add(Violation.invalid(path + ".name", name, msg)));
                if (msgs.isEmpty() && !names.add(name)) {
                    out.add(Violation.duplicate(path + ".name", name));
                }
            }
            long containerPort = PassThrough.integer(port, "containerPort");
            if (containerPort == 0) {
                out.add(Violation.required(path + ".containerPort", ""));
            } else {
                portNumber(containerPort, path + ".containerPort", out);
            }
            long written = PassThrough.integer(port, "hostPort");
            long hostPort = hostNetwork && written == 0 ? containerPort : written; // defaultHostNetworkPorts
            if (hostPort != 0) {
                portNumber(hostPort, path + ".hostPort", out);
            }
            String protocol = protocol(port);
            if (!PROTOCOLS.contains(protocol)) {
                out.add(Violation.notSupported(path + ".protocol", protocol, HandlerValidation.supportedValues(PROTOCOLS)));
            }
        }
    }

    /**
     * checkHostPortConflicts: a (protocol, hostIP, hostPort) used twice is a Duplicate at the later port, across
     * {@code containers}. Init containers are checked one at a time and named as the list's first, [0], whatever
     * their index (validateInitContainers passes a one-container slice with the list's path).
     */
    static void hostPortConflicts(List<Container> containers, boolean hostNetwork, String path, List<Violation> out) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < containers.size(); i++) {
            List<Map<String, Object>> ports = PassThrough.list(containers.get(i).extra(), "ports");
            for (int j = 0; j < ports.size(); j++) {
                Map<String, Object> port = ports.get(j);
                long written = PassThrough.integer(port, "hostPort");
                long hostPort = hostNetwork && written == 0 ? PassThrough.integer(port, "containerPort") : written;
                String key = protocol(port) + "/" + PassThrough.string(port, "hostIP") + "/" + hostPort;
                if (hostPort != 0 && !seen.add(key)) {
                    out.add(Violation.duplicate(path + "[" + i + "].ports[" + j + "].hostPort", key));
                }
            }
        }
    }

    /** validateHostNetwork: with the host's network, a port is the host's port (defaulting copies an unset one). */
    static void hostNetwork(Container c, String at, List<Violation> out) {
        List<Map<String, Object>> ports = PassThrough.list(c.extra(), "ports");
        for (int i = 0; i < ports.size(); i++) {
            long containerPort = PassThrough.integer(ports.get(i), "containerPort");
            long hostPort = PassThrough.integer(ports.get(i), "hostPort");
            if (hostPort != 0 && hostPort != containerPort) {
                out.add(Violation.invalid(at + ".ports[" + i + "].hostPort", hostPort, HOST_NETWORK_PORT));
            }
        }
    }

    // SetDefaults_ContainerPort: an unset or empty protocol is TCP (kube-apiserver v1.34.4 accepted protocol: "").
    static String protocol(Map<String, Object> port) {
        return port.get("protocol") instanceof String p && !p.isEmpty() ? p : "TCP";
    }

    private static void portNumber(long port, String path, List<Violation> out) {
        if (port < 1 || port > 65535) {
            out.add(Violation.invalid(path, port, NameRules.inclusiveRangeError(1, 65535)));
        }
    }
}
