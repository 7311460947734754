package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Container;
import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.pod.PodReadinessGate;
import dev.podcheck.spec.pod.PodSpec;
import dev.podcheck.spec.pod.RestartPolicy;
import dev.podcheck.spec.scenario.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apiserver's create-time validation of the fields podcheck models (SEMANTICS V-1..V-16), and
 * podcheck's own checks of a scenario's annotation. Like the apiserver it validates the pod as
 * given, which it sees only after defaulting: run {@link Defaulting#apply(Pod)} first, or unset
 * fields (restartPolicy, terminationGracePeriodSeconds, ...) are reported as Required.
 * Every violation is reported, in the order ValidatePodSpec finds them.
 */
public final class Validation {
    static final int MAX_INT32 = Integer.MAX_VALUE;
    /** In validateDNSPolicy's order. */
    static final List<String> DNS_POLICIES = List.of("ClusterFirstWithHostNet", "ClusterFirst", "Default", "None");

    private Validation() {}

    /** Every reason the apiserver would refuse to create {@code pod}; empty if it would accept it. */
    public static List<Violation> validate(Pod pod) {
        List<Violation> out = new ArrayList<>();
        MetadataValidation.objectMeta(pod.metadata(), "metadata", out);
        spec(pod.spec(), "spec", out);
        return List.copyOf(out);
    }

    /** The pod's violations, then what is wrong with the scenario's behaviours and events. */
    public static List<Violation> validate(Scenario scenario) {
        List<Violation> tooMany = ScenarioLimits.check(scenario);
        if (!tooMany.isEmpty()) {
            return tooMany; // a scenario past podcheck's limits is not worth the work of checking the rest
        }
        List<Violation> out = new ArrayList<>(validate(scenario.pod()));
        ScenarioValidation.scenario(scenario, out);
        if (scenario.isNodeScenario()) {
            NodeScenarioValidation.node(scenario, out);
        }
        return List.copyOf(out);
    }

    // ValidatePodSpec, in its order: volumes, containers, init containers, restartPolicy, nodeSelector, securityContext,
    // affinity, ..., readiness gates, topology spread constraints, tolerations.
    private static void spec(PodSpec spec, String path, List<Violation> out) {
        Long gracePeriod = spec.terminationGracePeriodSeconds();
        Set<String> volumes = VolumeValidation.volumes(spec, path + ".volumes", out);
        ContainerValidation.containers(spec, volumes, path + ".containers", out);
        ContainerValidation.initContainers(spec, volumes, path + ".initContainers", out);
        restartPolicy(spec.restartPolicy(), path + ".restartPolicy", out);
        dnsPolicy(spec, path, out);
        LabelValidation.labels(PassThrough.map(spec.extra(), "nodeSelector"), path + ".nodeSelector", out);
        SecurityContextValidation.pod(spec, path + ".securityContext", out);
        AffinityValidation.affinity(PassThrough.object(spec.extra(), "affinity"), path + ".affinity", out);
        // V-1: defaulting always sets it; only a pod that skipped defaulting lacks it.
        if (gracePeriod == null) {
            out.add(Violation.required(path + ".terminationGracePeriodSeconds", ""));
        }
        Long deadline = spec.activeDeadlineSeconds();
        if (deadline != null && (deadline < 1 || deadline > MAX_INT32)) {
            out.add(Violation.invalid(path + ".activeDeadlineSeconds", deadline,
                    NameRules.inclusiveRangeError(1, MAX_INT32)));
        }
        // validatePodHostNetworkDeps checks regular containers only: kube-apiserver v1.34.4 accepted an init
        // container's hostPort 70000 for containerPort 80 under hostNetwork, refusing only its range.
        if (PassThrough.bool(spec.extra(), "hostNetwork")) {
            hostNetwork(spec.containers(), path + ".containers", out);
        }
        readinessGates(spec.readinessGates(), path + ".readinessGates", out);
        TopologySpreadValidation.constraints(PassThrough.list(spec.extra(), "topologySpreadConstraints"),
                path + ".topologySpreadConstraints", out);
        TolerationValidation.tolerations(PassThrough.list(spec.extra(), "tolerations"), path + ".tolerations", out);
    }

    private static void hostNetwork(List<Container> containers, String path, List<Violation> out) {
        for (int i = 0; i < containers.size(); i++) {
            PortValidation.hostNetwork(containers.get(i), path + "[" + i + "]", out);
        }
    }

    // validateRestartPolicy (V-3); the supported values are listed in the apiserver's order.
    private static void restartPolicy(String policy, String path, List<Violation> out) {
        if (policy == null || policy.isEmpty()) {
            out.add(Violation.required(path, ""));
        } else if (!RestartPolicy.isSupported(policy)) {
            List<String> values = Arrays.stream(RestartPolicy.values()).map(Enum::name).toList();
            out.add(Violation.notSupported(path, policy, HandlerValidation.supportedValues(values)));
        }
    }

    // validateDNSPolicy (an unset one is ClusterFirst by then), and validatePodDNSConfig's first rule: None takes every
    // setting from dnsConfig, so it needs one with a nameserver. The rest of dnsConfig is passed through.
    private static void dnsPolicy(PodSpec spec, String path, List<Violation> out) {
        String policy = PassThrough.string(spec.extra(), "dnsPolicy");
        if (policy.isEmpty()) {
            out.add(Violation.required(path + ".dnsPolicy", ""));
        } else if (!DNS_POLICIES.contains(policy)) {
            out.add(Violation.notSupported(path + ".dnsPolicy", GoJson.typed(policy), HandlerValidation.supportedValues(DNS_POLICIES)));
        } else if (policy.equals("None")) {
            Map<String, Object> config = PassThrough.object(spec.extra(), "dnsConfig");
            if (config == null) {
                out.add(Violation.required(path + ".dnsConfig", "must provide `dnsConfig` when `dnsPolicy` is None"));
            } else if (PassThrough.strings(config, "nameservers").isEmpty()) {
                out.add(Violation.required(path + ".dnsConfig.nameservers", "must provide at least one DNS nameserver when `dnsPolicy` is None"));
            }
        }
    }

    // validateReadinessGates: each conditionType is a qualified name, so an empty one is refused.
    private static void readinessGates(List<PodReadinessGate> gates, String path, List<Violation> out) {
        for (int i = 0; i < gates.size(); i++) {
            String field = path + "[" + i + "].conditionType";
            String type = gates.get(i).conditionType() == null ? "" : gates.get(i).conditionType();
            NameRules.qualifiedName(type).forEach(msg -> out.add(Violation.invalid(field, type, msg)));
        }
    }
}
