package dev.podcheck.adapters.render;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.IntOrString;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.Probe;
import dev.podcheck.spec.pod.ProbeKind;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The endpoint of every probe of a pod. Containers share the pod's network namespace, so two
 * listeners cannot have one port: a probe keeps its port when no earlier listener took it and gets
 * a free one otherwise (which port a probe asks changes nothing the kubelet decides). All httpGet
 * probes of a container share one server (their paths differ); each tcpSocket probe has a listener
 * of its own, since the listener's presence is the answer.
 */
final class ProbeEndpoints {
    /** Where ports for probes whose own port is taken (or named) are found. */
    static final int FIRST_SPARE_PORT = 20000;

    private final Set<Integer> taken = new HashSet<>();

    private ProbeEndpoints() {}

    /** By container name, in pod order; each container's endpoints by probe kind. */
    static Map<String, Map<ProbeKind, ProbeEndpoint>> plan(PodSpec spec) {
        ProbeEndpoints ports = new ProbeEndpoints();
        Map<String, Map<ProbeKind, ProbeEndpoint>> plan = new LinkedHashMap<>();
        spec.allContainers().forEach(c -> plan.put(c.name(), ports.forContainer(c)));
        return plan;
    }

    private Map<ProbeKind, ProbeEndpoint> forContainer(Container container) {
        Map<ProbeKind, ProbeEndpoint> endpoints = new EnumMap<>(ProbeKind.class);
        ProbeEndpoint.HttpCgi http = null;
        for (ProbeKind kind : ProbeKind.values()) {
            Probe probe = container.probe(kind);
            if (probe == null) {
                continue;
            }
            if (probe.httpGet() != null) {
                http = http != null ? http : new ProbeEndpoint.HttpCgi(take(probe.httpGet().port()));
                endpoints.put(kind, http);
            } else if (probe.tcpSocket() != null) {
                endpoints.put(kind, new ProbeEndpoint.TcpListener(take(probe.tcpSocket().port())));
            } else {
                endpoints.put(kind, new ProbeEndpoint.FileTest());
            }
        }
        return endpoints;
    }

    private int take(IntOrString wanted) {
        int port = wanted.intValue() != null && !taken.contains(wanted.intValue()) ? wanted.intValue() : spare();
        taken.add(port);
        return port;
    }

    private int spare() {
        int port = FIRST_SPARE_PORT;
        while (taken.contains(port)) {
            port++;
        }
        return port;
    }
}
