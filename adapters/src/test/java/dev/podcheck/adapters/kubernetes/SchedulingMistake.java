package dev.podcheck.adapters.kubernetes;

import static dev.podcheck.adapters.kubernetes.ManifestMistake.KEYS;
import static dev.podcheck.adapters.kubernetes.ManifestMistake.LABEL_VALUES;
import static dev.podcheck.adapters.kubernetes.ManifestMistake.putSometimes;

import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Where a pod may run: tolerations, node and pod (anti-)affinity, topology spread constraints and the node selector,
 * each drawn around validation.go's rules (operators with and without values, weights at 0, 1, 100, 101, empty
 * and malformed keys, repeated spread constraints), valid values included.
 */
enum SchedulingMistake implements Mistake {
    /** Valid tolerations, each with one field drawn around its rule now and then (so that both verdicts are common). */
    TOLERATIONS {
        @Override
        public void make(PodBody body, Choices c) {
            ArrayNode tolerations = PodBody.list(body.spec(), "tolerations");
            int n = 1 + c.drawIndex(2);
            for (int i = 0; i < n; i++) {
                ObjectNode t = tolerations.addObject();
                t.put("key", "dedicated").put("operator", "Equal").put("value", "gpu").put("effect", "NoSchedule");
                switch (c.drawIndex(6)) {
                    case 0 -> t.put("key", Gen.elements("example.com/gpu", "node.kubernetes.io/not-ready", "", "a b", "-x", "a/b/c").generate(c));
                    case 1 -> t.put("operator", Gen.elements("Exists", "", "exists", "In").generate(c));
                    case 2 -> t.put("value", Gen.elements("", "-x", "a".repeat(64)).generate(c));
                    case 3 -> t.put("effect", Gen.elements("PreferNoSchedule", "NoExecute", "", "NoExec").generate(c));
                    case 4 -> t.put("tolerationSeconds", Gen.elements(0L, 300L, -1L).generate(c))
                            .put("effect", Gen.elements("NoExecute", "NoExecute", "NoSchedule").generate(c));
                    default -> t.remove(Gen.elements("key", "operator", "value", "effect").generate(c));
                }
                if (t.path("operator").asString("").equals("Exists") && c.drawBoolean(0.7)) {
                    t.remove("value");
                }
            }
        }
    },
    NODE_AFFINITY {
        @Override
        public void make(PodBody body, Choices c) {
            ObjectNode affinity = PodBody.map(PodBody.map(body.spec(), "affinity"), "nodeAffinity");
            if (c.drawBoolean(0.7)) {
                ArrayNode terms = PodBody.map(affinity, "requiredDuringSchedulingIgnoredDuringExecution").putArray("nodeSelectorTerms");
                int n = c.drawIndex(3);
                for (int i = 0; i < n; i++) {
                    nodeSelectorTerm(terms.addObject(), c);
                }
            }
            if (c.drawBoolean(0.5)) {
                ObjectNode preferred = PodBody.list(affinity, "preferredDuringSchedulingIgnoredDuringExecution").addObject();
                preferred.put("weight", Gen.elements(WEIGHTS).generate(c));
                nodeSelectorTerm(preferred.putObject("preference"), c);
            }
        }
    },
    POD_AFFINITY {
        @Override
        public void make(PodBody body, Choices c) {
            String kind = Gen.elements("podAffinity", "podAntiAffinity").generate(c);
            ObjectNode affinity = PodBody.map(PodBody.map(body.spec(), "affinity"), kind);
            if (c.drawBoolean(0.6)) {
                podAffinityTerm(PodBody.list(affinity, "requiredDuringSchedulingIgnoredDuringExecution").addObject(), c);
            }
            if (c.drawBoolean(0.6)) {
                ObjectNode weighted = PodBody.list(affinity, "preferredDuringSchedulingIgnoredDuringExecution").addObject();
                weighted.put("weight", Gen.elements(WEIGHTS).generate(c));
                podAffinityTerm(weighted.putObject("podAffinityTerm"), c);
            }
        }
    },
    TOPOLOGY_SPREAD {
        @Override
        public void make(PodBody body, Choices c) {
            ArrayNode constraints = PodBody.list(body.spec(), "topologySpreadConstraints");
            int n = 1 + c.drawIndex(2);
            for (int i = 0; i < n; i++) {
                ObjectNode t = constraints.addObject();
                // a second constraint mostly spreads over another key; the same key and action is a Duplicate
                String key = i > 0 && c.drawBoolean(0.6) ? "kubernetes.io/hostname" : "topology.kubernetes.io/zone";
                t.put("maxSkew", 1).put("topologyKey", key).put("whenUnsatisfiable", "DoNotSchedule");
                if (c.drawBoolean(0.7)) {
                    labelSelector(t.putObject("labelSelector"), c);
                }
                switch (c.drawIndex(7)) {
                    case 0 -> t.put("maxSkew", Gen.elements(2, 0, -1).generate(c));
                    case 1 -> t.put("topologyKey", Gen.elements("kubernetes.io/hostname", "", "failure-domain.beta.kubernetes.io/zone").generate(c));
                    case 2 -> t.put("whenUnsatisfiable", Gen.elements("ScheduleAnyway", "", "Never").generate(c));
                    case 3 -> t.put("minDomains", Gen.elements(1, 2, 0, -1).generate(c));
                    case 4 -> t.put(Gen.elements("nodeAffinityPolicy", "nodeTaintsPolicy").generate(c), Gen.elements("Honor", "Ignore", "honor").generate(c));
                    case 5 -> t.remove(Gen.elements("maxSkew", "topologyKey", "whenUnsatisfiable").generate(c));
                    default -> { }
                }
            }
        }
    },
    NODE_SELECTOR {
        @Override
        public void make(PodBody body, Choices c) {
            ObjectNode selector = PodBody.map(body.spec(), "nodeSelector");
            int n = 1 + c.drawIndex(2);
            for (int i = 0; i < n; i++) {
                String key = c.drawBoolean(0.2) ? Gen.elements("beta.kubernetes.io/arch", "node-role.kubernetes.io/master").generate(c)
                        : Gen.elements(KEYS).generate(c);
                selector.put(key, Gen.elements(LABEL_VALUES).generate(c));
            }
        }
    };

    private static final Integer[] WEIGHTS = {1, 50, 100, 0, 101, -1};
    private static final String[] NODE_OPERATORS = {"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt", "in", "Foo"};
    private static final String[] VALUES = {"a", "1", "abc", "-x", ""};

    private static void nodeSelectorTerm(ObjectNode term, Choices c) {
        if (c.drawBoolean(0.8)) {
            ArrayNode expressions = term.putArray("matchExpressions");
            int n = 1 + c.drawIndex(2);
            for (int i = 0; i < n; i++) {
                requirement(expressions.addObject(), NODE_OPERATORS, c);
            }
        }
        if (c.drawBoolean(0.3)) {
            ObjectNode field = term.putArray("matchFields").addObject();
            field.put("key", Gen.elements("metadata.name", "metadata.name", "spec.nodeName").generate(c));
            field.put("operator", Gen.elements("In", "NotIn", "Exists").generate(c));
            ArrayNode values = field.putArray("values");
            int n = c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                values.add(Gen.elements("node-1", "Node_1", "node-2").generate(c));
            }
        }
    }

    private static void podAffinityTerm(ObjectNode term, Choices c) {
        if (c.drawBoolean(0.7)) {
            labelSelector(term.putObject("labelSelector"), c);
        }
        if (c.drawBoolean(0.2)) {
            term.putArray("namespaces").add(Gen.elements("default", "kube-system", "Bad_ns", "a.b").generate(c));
        }
        if (c.drawBoolean(0.2)) {
            term.putObject("namespaceSelector");
        }
        putSometimes(term, "topologyKey", Gen.elements("kubernetes.io/hostname", "topology.kubernetes.io/zone", "", "a/b/c", "-zone"), c);
    }

    // Half of them valid, the rest drawn from the label tables' edges (mostly invalid).
    private static void labelSelector(ObjectNode selector, Choices c) {
        if (c.drawBoolean(0.5)) {
            selector.putObject("matchLabels").put("app", "web");
            return;
        }
        if (c.drawBoolean(0.6)) {
            selector.putObject("matchLabels").put(Gen.elements(KEYS).generate(c), Gen.elements(LABEL_VALUES).generate(c));
        }
        if (c.drawBoolean(0.6)) {
            requirement(selector.putArray("matchExpressions").addObject(), LABEL_OPERATORS, c);
        }
    }

    private static final String[] LABEL_OPERATORS = {"In", "NotIn", "Exists", "DoesNotExist", "Gt", "Foo"};

    private static void requirement(ObjectNode req, String[] operators, Choices c) {
        req.put("key", Gen.elements("app", "example.com/zone", "", "-app", "a/b/c", "beta.kubernetes.io/os").generate(c));
        req.put("operator", Gen.elements(operators).generate(c));
        if (c.drawBoolean(0.7)) {
            ArrayNode values = req.putArray("values");
            int n = c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                values.add(Gen.elements(VALUES).generate(c));
            }
        }
    }
}
