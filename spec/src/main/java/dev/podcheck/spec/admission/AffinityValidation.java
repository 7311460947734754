package dev.podcheck.spec.admission;

import dev.podcheck.spec.admission.LabelValidation.Operators;
import java.util.List;
import java.util.Map;

/**
 * A pod's affinity, as validateAffinity in pkg/apis/core/validation/validation.go checks it on create: node
 * selector terms (at least one, each requirement's operator and values, matchFields only metadata.name with one
 * value), preferred terms weighted 1-100, and pod (anti-)affinity terms with valid label and namespace selectors,
 * namespaces and a topologyKey. Only the IgnoredDuringExecution fields exist; RequiredDuringExecution is not
 * implemented upstream either.
 */
final class AffinityValidation {
    static final String WEIGHT = "must be in the range 1-100";
    static final String REQUIRED = "requiredDuringSchedulingIgnoredDuringExecution";
    static final String PREFERRED = "preferredDuringSchedulingIgnoredDuringExecution";

    private AffinityValidation() {}

    static void affinity(Map<String, Object> affinity, String path, List<Violation> out) {
        if (affinity == null) {
            return;
        }
        Map<String, Object> node = PassThrough.object(affinity, "nodeAffinity");
        if (node != null) {
            nodeAffinity(node, path + ".nodeAffinity", out);
        }
        for (String kind : List.of("podAffinity", "podAntiAffinity")) {
            Map<String, Object> pod = PassThrough.object(affinity, kind);
            if (pod != null) {
                podAffinity(pod, path + "." + kind, out);
            }
        }
    }

    private static void nodeAffinity(Map<String, Object> affinity, String path, List<Violation> out) {
        Map<String, Object> required = PassThrough.object(affinity, REQUIRED);
        if (required != null) {
            List<Map<String, Object>> terms = PassThrough.list(required, "nodeSelectorTerms");
            String at = path + "." + REQUIRED + ".nodeSelectorTerms";
            if (terms.isEmpty()) {
                out.add(Violation.required(at, "must have at least one node selector term"));
            }
            for (int i = 0; i < terms.size(); i++) {
                // required terms' values must be label values on create (AllowInvalidLabelValueInRequiredNodeAffinity
                // only keeps an old pod's)
                nodeSelectorTerm(terms.get(i), true, at + "[" + i + "]", out);
            }
        }
        List<Map<String, Object>> preferred = PassThrough.list(affinity, PREFERRED);
        for (int i = 0; i < preferred.size(); i++) {
            String at = path + "." + PREFERRED + "[" + i + "]";
            weight(preferred.get(i), at, out);
            // invalid values are always allowed in preferences: they can still match on a one-node cluster
            nodeSelectorTerm(PassThrough.map(preferred.get(i), "preference"), false, at + ".preference", out);
        }
    }

    private static void nodeSelectorTerm(Map<String, Object> term, boolean checkValues, String path, List<Violation> out) {
        List<Map<String, Object>> expressions = PassThrough.list(term, "matchExpressions");
        for (int j = 0; j < expressions.size(); j++) {
            LabelValidation.requirement(expressions.get(j), Operators.NODE, checkValues,
                    path + ".matchExpressions[" + j + "]", out);
        }
        List<Map<String, Object>> fields = PassThrough.list(term, "matchFields");
        for (int j = 0; j < fields.size(); j++) {
            fieldRequirement(fields.get(j), path + ".matchFields[" + j + "]", out);
        }
    }

    // ValidateNodeFieldSelectorRequirement: metadata.name is the only field, matched In or NotIn one node name.
    private static void fieldRequirement(Map<String, Object> req, String path, List<Violation> out) {
        String operator = PassThrough.string(req, "operator");
        List<String> values = PassThrough.strings(req, "values");
        if (!operator.equals("In") && !operator.equals("NotIn")) {
            out.add(Violation.invalid(path + ".operator", GoJson.typed(operator), LabelValidation.NOT_AN_OPERATOR));
        } else if (values.size() != 1) {
            out.add(Violation.required(path + ".values",
                    "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
        }
        String key = PassThrough.string(req, "key");
        if (!key.equals("metadata.name")) {
            out.add(Violation.invalid(path + ".key", key, "not a valid field selector key"));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String at = path + ".values[" + i + "]";
            NameRules.dns1123Subdomain(value).forEach(msg -> out.add(Violation.invalid(at, value, msg)));
        }
    }

    private static void podAffinity(Map<String, Object> affinity, String path, List<Violation> out) {
        List<Map<String, Object>> required = PassThrough.list(affinity, REQUIRED);
        for (int i = 0; i < required.size(); i++) {
            podAffinityTerm(required.get(i), path + "." + REQUIRED + "[" + i + "]", out);
        }
        List<Map<String, Object>> preferred = PassThrough.list(affinity, PREFERRED);
        for (int i = 0; i < preferred.size(); i++) {
            String at = path + "." + PREFERRED + "[" + i + "]";
            weight(preferred.get(i), at, out);
            podAffinityTerm(PassThrough.map(preferred.get(i), "podAffinityTerm"), at + ".podAffinityTerm", out);
        }
    }

    // validatePodAffinityTerm; matchLabelKeys and mismatchLabelKeys are passed through (see README "Admission").
    private static void podAffinityTerm(Map<String, Object> term, String path, List<Violation> out) {
        LabelValidation.selector(PassThrough.object(term, "labelSelector"), path + ".labelSelector", out);
        LabelValidation.selector(PassThrough.object(term, "namespaceSelector"), path + ".namespaceSelector", out);
        for (String namespace : PassThrough.strings(term, "namespaces")) {
            // upstream names the field "namespace", not "namespaces[i]"
            NameRules.dns1123Label(namespace).forEach(msg -> out.add(Violation.invalid(path + ".namespace", namespace, msg)));
        }
        String topologyKey = PassThrough.string(term, "topologyKey");
        if (topologyKey.isEmpty()) {
            out.add(Violation.required(path + ".topologyKey", "can not be empty"));
        }
        LabelValidation.labelName(topologyKey, path + ".topologyKey", out);
    }

    private static void weight(Map<String, Object> term, String path, List<Violation> out) {
        long weight = PassThrough.integer(term, "weight");
        if (weight <= 0 || weight > 100) {
            out.add(Violation.invalid(path + ".weight", weight, WEIGHT));
        }
    }
}
