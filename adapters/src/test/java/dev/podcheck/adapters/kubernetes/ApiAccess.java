package dev.podcheck.adapters.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API request as RBAC sees it (verb, API group, resource with its subresource, namespace, name),
 * and the RBAC authorizer's rule for it, enough to check deploy/rbac*.yaml against the requests a
 * run makes: a request is allowed when a rule of a role bound to the service account covers it,
 * a ClusterRoleBinding everywhere, a RoleBinding in its own namespace only.
 */
record ApiAccess(String verb, String group, String resource, String namespace, String name) {
    private static final Pattern PATH = Pattern.compile(
            "/(?:api/v1|apis/([^/]+)/[^/]+)(?:/namespaces/([^/?]+))?(?:/([^/?]+)(?:/([^/?]+)(?:/([^/?]+))?)?)?");

    /** The access of an HTTP request; a request for a namespace object itself is the resource "namespaces". */
    static ApiAccess of(String method, String pathAndQuery) {
        String path = pathAndQuery.split("\\?", 2)[0];
        boolean watch = pathAndQuery.contains("watch=true");
        Matcher m = PATH.matcher(path);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an API path: " + path);
        }
        String group = m.group(1) == null ? "" : m.group(1);
        String namespace = m.group(2);
        String resource = m.group(3);
        String name = m.group(4);
        String sub = m.group(5);
        if (resource == null && namespace != null) {
            resource = "namespaces";
            name = namespace;
            namespace = null;
        }
        String verb = switch (method) {
            case "GET" -> watch ? "watch" : name == null ? "list" : "get";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> name == null ? "deletecollection" : "delete";
            default -> throw new IllegalArgumentException(method);
        };
        return new ApiAccess(verb, group, sub == null ? resource : resource + "/" + sub, namespace, name);
    }

    /** "verb group/resource" as a rule grants it, e.g. "get /pods/log", "patch coordination.k8s.io/leases". */
    String grant() {
        return verb + " " + group + "/" + resource;
    }

    /** The rules bound to system:serviceaccount:{@code saNamespace}:{@code sa}, with where each applies. */
    record Grant(String namespace, PolicyRule rule) {
        boolean allows(ApiAccess a) {
            return (namespace == null || namespace.equals(a.namespace()))
                    && has(rule.getApiGroups(), a.group()) && has(rule.getResources(), a.resource())
                    && has(rule.getVerbs(), a.verb())
                    && (rule.getResourceNames() == null || rule.getResourceNames().isEmpty()
                            || rule.getResourceNames().contains(a.name()));
        }

        /** Every "verb group/resource" the rule grants. */
        List<String> grants() {
            List<String> all = new ArrayList<>();
            for (String g : rule.getApiGroups()) {
                for (String r : rule.getResources()) {
                    for (String v : rule.getVerbs()) {
                        all.add(v + " " + g + "/" + r);
                    }
                }
            }
            return all;
        }

        private static boolean has(List<String> list, String value) {
            return list != null && (list.contains("*") || list.contains(value));
        }
    }

    static List<Grant> grants(List<HasMetadata> objects, String saNamespace, String sa) {
        List<Grant> grants = new ArrayList<>();
        for (HasMetadata o : objects) {
            if (o instanceof ClusterRoleBinding b && boundTo(b.getSubjects(), saNamespace, sa)) {
                rules(objects, b.getRoleRef(), null).forEach(r -> grants.add(new Grant(null, r)));
            } else if (o instanceof RoleBinding b && boundTo(b.getSubjects(), saNamespace, sa)) {
                String ns = b.getMetadata().getNamespace();
                rules(objects, b.getRoleRef(), ns).forEach(r -> grants.add(new Grant(ns, r)));
            }
        }
        return grants;
    }

    private static boolean boundTo(List<Subject> subjects, String saNamespace, String sa) {
        return subjects != null && subjects.stream().anyMatch(s -> "ServiceAccount".equals(s.getKind())
                && sa.equals(s.getName()) && saNamespace.equals(s.getNamespace()));
    }

    private static List<PolicyRule> rules(List<HasMetadata> objects, RoleRef ref, String namespace) {
        for (HasMetadata o : objects) {
            if (ref.getKind().equals("ClusterRole") && o instanceof ClusterRole r
                    && r.getMetadata().getName().equals(ref.getName())) {
                return r.getRules();
            }
            if (ref.getKind().equals("Role") && o instanceof Role r && r.getMetadata().getName().equals(ref.getName())
                    && r.getMetadata().getNamespace().equals(namespace)) {
                return r.getRules();
            }
        }
        throw new IllegalArgumentException("no " + ref.getKind() + " " + ref.getName());
    }
}
