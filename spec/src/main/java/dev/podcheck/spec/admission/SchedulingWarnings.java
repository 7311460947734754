package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.PodSpec;
import java.util.List;
import java.util.Map;

/**
 * The warnings of pkg/api/pod/warnings.go about where a pod may run: deprecated node labels (pkg/api/node/util.go) in
 * the nodeSelector, node affinity and topology keys, invalid values in preferred node affinity (allowed there, as
 * validation does not check them), and a term or constraint without a labelSelector, which matches no pod.
 */
final class SchedulingWarnings {
    static final String MATCHES_NO_POD = "a null labelSelector results in matching no pod";
    private static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";
    private static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
    /** deprecatedNodeLabels. */
    static final Map<String, String> DEPRECATED_NODE_LABELS = Map.of(
            "beta.kubernetes.io/arch", "deprecated since v1.14; use \"kubernetes.io/arch\" instead",
            "beta.kubernetes.io/os", "deprecated since v1.14; use \"kubernetes.io/os\" instead",
            "failure-domain.beta.kubernetes.io/region", "deprecated since v1.17; use \"topology.kubernetes.io/region\" instead",
            "failure-domain.beta.kubernetes.io/zone", "deprecated since v1.17; use \"topology.kubernetes.io/zone\" instead",
            "beta.kubernetes.io/instance-type", "deprecated since v1.17; use \"node.kubernetes.io/instance-type\" instead",
            "app.kubernetes.io/created-by", "deprecated since v1.9",
            "scheduler.alpha.kubernetes.io/preferAvoidPods", "deprecated since v1.22; use Taints and Tolerations instead",
            "node-role.kubernetes.io/master", "use \"node-role.kubernetes.io/control-plane\" instead");

    private SchedulingWarnings() {}

    /** The nodeSelector, node affinity and topology spread warnings, which warnings.go gives first. */
    static void nodePlacement(PodSpec spec, List<Warning> out) {
        PassThrough.map(spec.extra(), "nodeSelector").keySet().stream().filter(DEPRECATED_NODE_LABELS::containsKey)
                .forEach(key -> out.add(new Warning("spec.nodeSelector[" + key + "]", DEPRECATED_NODE_LABELS.get(key))));
        Map<String, Object> node = PassThrough.map(PassThrough.map(spec.extra(), "affinity"), "nodeAffinity");
        String at = "spec.affinity.nodeAffinity.";
        List<Map<String, Object>> required = PassThrough.list(PassThrough.map(node, REQUIRED), "nodeSelectorTerms");
        for (int i = 0; i < required.size(); i++) {
            nodeSelectorTerm(required.get(i), false, at + REQUIRED + ".nodeSelectorTerms[" + i + "]", out);
        }
        List<Map<String, Object>> preferred = PassThrough.list(node, PREFERRED);
        for (int i = 0; i < preferred.size(); i++) {
            nodeSelectorTerm(PassThrough.map(preferred.get(i), "preference"), true, at + PREFERRED + "[" + i + "].preference", out);
        }
        List<Map<String, Object>> constraints = PassThrough.list(spec.extra(), "topologySpreadConstraints");
        for (int i = 0; i < constraints.size(); i++) {
            String path = "spec.topologySpreadConstraints[" + i + "]";
            deprecatedKey(PassThrough.string(constraints.get(i), "topologyKey"), path + ".topologyKey", out);
            if (PassThrough.object(constraints.get(i), "labelSelector") == null) {
                out.add(new Warning(path + ".labelSelector", MATCHES_NO_POD));
            }
        }
    }

    /** Pod (anti-)affinity terms without a labelSelector, which warnings.go gives last. */
    static void podAffinity(PodSpec spec, List<Warning> out) {
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            Map<String, Object> affinity = PassThrough.map(PassThrough.map(spec.extra(), "affinity"), kind);
            String at = "spec.affinity." + kind + ".";
            List<Map<String, Object>> required = PassThrough.list(affinity, REQUIRED);
            for (int i = 0; i < required.size(); i++) {
                nullSelector(required.get(i), at + REQUIRED + "[" + i + "].labelSelector", out);
            }
            List<Map<String, Object>> preferred = PassThrough.list(affinity, PREFERRED);
            for (int i = 0; i < preferred.size(); i++) {
                nullSelector(PassThrough.map(preferred.get(i), "podAffinityTerm"),
                        at + PREFERRED + "[" + i + "].podAffinityTerm.labelSelector", out);
            }
        }
    }

    // GetWarningsForNodeSelectorTerm: matchFields are not looked at.
    private static void nodeSelectorTerm(Map<String, Object> term, boolean checkValues, String path, List<Warning> out) {
        List<Map<String, Object>> expressions = PassThrough.list(term, "matchExpressions");
        for (int i = 0; i < expressions.size(); i++) {
            String at = path + ".matchExpressions[" + i + "]";
            deprecatedKey(PassThrough.string(expressions.get(i), "key"), at + ".key", out);
            List<String> values = checkValues ? PassThrough.strings(expressions.get(i), "values") : List.of();
            for (int j = 0; j < values.size(); j++) {
                String value = values.get(j);
                String field = at + ".values[" + j + "]";
                LabelValidation.labelValue(value).forEach(msg -> out.add(new Warning(field, value + " is invalid, " + msg)));
            }
        }
    }

    private static void deprecatedKey(String key, String path, List<Warning> out) {
        if (DEPRECATED_NODE_LABELS.containsKey(key)) {
            out.add(new Warning(path, key + " is " + DEPRECATED_NODE_LABELS.get(key)));
        }
    }

    private static void nullSelector(Map<String, Object> term, String path, List<Warning> out) {
        if (PassThrough.object(term, "labelSelector") == null) {
            out.add(new Warning(path, MATCHES_NO_POD));
        }
    }
}
