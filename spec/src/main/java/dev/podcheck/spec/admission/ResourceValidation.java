package dev.podcheck.spec.admission;

import dev.podcheck.spec.pod.Quantity;
import dev.podcheck.spec.pod.ResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * Container requests and limits, as ValidateResourceRequirements in
 * pkg/apis/core/validation/validation.go checks them: quantities are non-negative, a request is at
 * most its limit, and resources that cannot be overcommitted (hugepages, extended resources) need
 * a limit equal to the request. Resource names themselves are not checked.
 */
final class ResourceValidation {
    static final String NON_NEGATIVE = "must be greater than or equal to 0";
    static final String LIMIT_REQUIRED = "Limit must be set for non overcommitable resources";

    private ResourceValidation() {}

    static void requirements(ResourceRequirements resources, String path, List<Violation> out) {
        String limitsPath = path + ".limits";
        String requestsPath = path + ".requests";
        resources.limits().forEach((name, q) -> nonNegative(q, limitsPath + "[" + name + "]", out));
        for (Map.Entry<String, Quantity> request : resources.requests().entrySet()) {
            String name = request.getKey();
            Quantity quantity = request.getValue();
            nonNegative(quantity, requestsPath + "[" + name + "]", out);
            Quantity limit = resources.limits().get(name);
            // The apiserver reports these at the requests map, not at the resource's key.
            if (limit == null) {
                if (!isOvercommitAllowed(name)) {
                    out.add(Violation.required(limitsPath, LIMIT_REQUIRED));
                }
            } else if (!isOvercommitAllowed(name) && quantity.compareTo(limit) != 0) {
                out.add(Violation.invalid(requestsPath, quantity.toString(),
                        "must be equal to " + name + " limit of " + limit));
            } else if (quantity.compareTo(limit) > 0) {
                out.add(Violation.invalid(requestsPath, quantity.toString(),
                        "must be less than or equal to " + name + " limit of " + limit));
            }
        }
    }

    private static void nonNegative(Quantity quantity, String path, List<Violation> out) {
        if (quantity.signum() < 0) {
            out.add(Violation.invalid(path, quantity.toString(), NON_NEGATIVE));
        }
    }

    // pkg/apis/core/helper: IsOvercommitAllowed = not hugepages and not an extended resource.
    static boolean isOvercommitAllowed(String name) {
        return !name.startsWith("hugepages-") && !isExtended(name);
    }

    // IsExtendedResourceName: a domain-prefixed name outside kubernetes.io, not a quota "requests." name.
    private static boolean isExtended(String name) {
        return name.contains("/") && !name.contains("kubernetes.io/") && !name.startsWith("requests.");
    }
}
