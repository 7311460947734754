package dev.podcheck.spec.admission;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A pod's topologySpreadConstraints, as validateTopologySpreadConstraints in pkg/apis/core/validation/validation.go
 * checks them: maxSkew positive, a topologyKey, whenUnsatisfiable DoNotSchedule or ScheduleAnyway, no two
 * constraints with the same key and action, minDomains positive and only with DoNotSchedule, the node inclusion
 * policies Honor or Ignore, and a valid label selector. matchLabelKeys is passed through: the apiserver merges it
 * into the selector on create (MatchLabelKeysInPodTopologySpreadSelectorMerge), which podcheck does not.
 */
final class TopologySpreadValidation {
    /** sets.List of supportedScheduleActions and supportedPodTopologySpreadNodePolicies: sorted. */
    static final List<String> ACTIONS = List.of("DoNotSchedule", "ScheduleAnyway");
    static final List<String> NODE_POLICIES = List.of("Honor", "Ignore");
    static final String NOT_POSITIVE = "must be greater than zero";

    private TopologySpreadValidation() {}

    static void constraints(List<Map<String, Object>> constraints, String path, List<Violation> out) {
        for (int i = 0; i < constraints.size(); i++) {
            Map<String, Object> constraint = constraints.get(i);
            String at = path + "[" + i + "]";
            positive(PassThrough.integer(constraint, "maxSkew"), at + ".maxSkew", out);
            String key = PassThrough.string(constraint, "topologyKey");
            if (key.isEmpty()) {
                out.add(Violation.required(at + ".topologyKey", "can not be empty"));
            }
            String action = PassThrough.string(constraint, "whenUnsatisfiable");
            if (!ACTIONS.contains(action)) {
                out.add(Violation.notSupported(at + ".whenUnsatisfiable", GoJson.typed(action),
                        HandlerValidation.supportedValues(ACTIONS)));
            }
            // ValidateSpreadConstraintNotRepeat: the earlier of two is reported, once, against those after it
            if (constraints.subList(i + 1, constraints.size()).stream().anyMatch(later -> sameKind(constraint, later))) {
                out.add(Violation.duplicate(at + ".{topologyKey, whenUnsatisfiable}", "{" + key + ", " + action + "}"));
            }
            minDomains(PassThrough.optionalInteger(constraint, "minDomains"), action, at + ".minDomains", out);
            for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
                if (constraint.get(policy) instanceof String value && !NODE_POLICIES.contains(value)) {
                    out.add(Violation.notSupported(at + "." + policy, GoJson.typed(value),
                            HandlerValidation.supportedValues(NODE_POLICIES)));
                }
            }
            LabelValidation.selector(PassThrough.object(constraint, "labelSelector"), at + ".labelSelector", out);
        }
    }

    private static boolean sameKind(Map<String, Object> a, Map<String, Object> b) {
        return Objects.equals(PassThrough.string(a, "topologyKey"), PassThrough.string(b, "topologyKey"))
                && Objects.equals(PassThrough.string(a, "whenUnsatisfiable"), PassThrough.string(b, "whenUnsatisfiable"));
    }

    // validateMinDomains: minDomains counts the domains DoNotSchedule must spread over; ScheduleAnyway has none.
    private static void minDomains(Long minDomains, String action, String path, List<Violation> out) {
        if (minDomains == null) {
            return;
        }
        positive(minDomains, path, out);
        if (!action.equals("DoNotSchedule")) {
            out.add(Violation.invalid(path, minDomains,
                    "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not " + action));
        }
    }

    // ValidatePositiveField
    private static void positive(long value, String path, List<Violation> out) {
        if (value <= 0) {
            out.add(Violation.invalid(path, value, NOT_POSITIVE));
        }
    }
}
