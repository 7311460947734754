package dev.podcheck.adapters.kubernetes;

import dev.podcheck.spec.property.Choices;
import dev.podcheck.spec.property.Gen;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mistakes of docs/admission.md's table, made in a generated pod's JSON body with values drawn
 * around each rule's edges, valid ones included: a value the apiserver accepts must be accepted by
 * podcheck too. Unlike {@code spec}'s Mutation catalogue these predict nothing; the apiserver answers.
 */
enum ManifestMistake implements Mistake {
    /** A misspelled field (one letter dropped) anywhere but in a map, or a field one level off. */
    UNKNOWN_FIELD {
        @Override
        public void make(PodBody body, Choices c) {
            List<Map.Entry<String, ObjectNode>> objects = body.objects().stream()
                    .filter(e -> !MAPS.contains(last(e.getKey())) && !e.getValue().isEmpty()).toList();
            ObjectNode object = objects.get(c.drawIndex(objects.size())).getValue();
            List<String> keys = List.copyOf(object.propertyNames());
            String key = keys.get(c.drawIndex(keys.size()));
            String misspelled = key.length() < 2 ? key + "x" : dropOne(key, c.drawIndex(key.length()));
            object.set(object.has(misspelled) ? misspelled + "x" : misspelled, object.get(key).deepCopy());
        }
    },
    /** A field written twice (same value), in any object or map. */
    REPEATED_FIELD {
        @Override
        public void make(PodBody body, Choices c) {
            List<ObjectNode> objects = body.objects().stream().map(Map.Entry::getValue).filter(o -> !o.isEmpty()).toList();
            ObjectNode object = objects.get(c.drawIndex(objects.size()));
            List<String> keys = List.copyOf(object.propertyNames());
            body.repeat(object, keys.get(c.drawIndex(keys.size())));
        }
    },
    POD_NAME {
        @Override
        public void make(PodBody body, Choices c) {
            if (c.drawBoolean(0.2)) {
                body.metadata().remove("name");
                body.metadata().put("generateName", Gen.elements("web-", "web", "Web-", "web.", "web_", "-", "").generate(c));
            } else {
                body.metadata().put("name", Gen.elements(NAMES).generate(c));
            }
        }
    },
    LABELS {
        @Override
        public void make(PodBody body, Choices c) {
            ObjectNode labels = PodBody.map(body.metadata(), "labels");
            int n = 1 + c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                labels.put(Gen.elements(KEYS).generate(c), Gen.elements(LABEL_VALUES).generate(c));
            }
        }
    },
    ANNOTATIONS {
        @Override
        public void make(PodBody body, Choices c) {
            ObjectNode annotations = PodBody.map(body.metadata(), "annotations");
            annotations.put(Gen.elements(KEYS).generate(c), Gen.elements(LABEL_VALUES).generate(c));
        }
    },
    /** Ports and protocols, host ports, port names; with hostNetwork now and then. */
    PORTS {
        @Override
        public void make(PodBody body, Choices c) {
            List<ObjectNode> containers = body.containers();
            int n = 1 + c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                ObjectNode port = PodBody.list(containers.get(c.drawIndex(containers.size())), "ports").addObject();
                port.put("containerPort", Gen.elements(80, 8080, 1, 65535, 0, 65536, 80800, -1).generate(c));
                putSometimes(port, "protocol", Gen.elements("TCP", "UDP", "SCTP", "TCPX", "tcp", ""), c);
                putSometimes(port, "name", Gen.elements("http", "metrics", "HTTP", "http_1", "http-metrics-long", "1234", "-http", "a"), c);
                if (c.drawBoolean(0.3)) {
                    port.put("hostPort", Gen.elements(80, 8080, 0, 70000, -1).generate(c));
                }
            }
            if (c.drawBoolean(0.3)) {
                body.spec().put("hostNetwork", true);
            }
        }
    },
    /** Volumes: names, sources (none, one, two), repeats. */
    VOLUMES {
        @Override
        public void make(PodBody body, Choices c) {
            int n = 1 + c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                volume(body, Gen.elements("data", "cache", "Data", "data_1", "a".repeat(64), "data.1", "").generate(c), c);
            }
        }
    },
    /** Mounts naming a volume or none, mount paths set, empty or repeated. */
    VOLUME_MOUNTS {
        @Override
        public void make(PodBody body, Choices c) {
            if (c.drawBoolean(0.7)) {
                volume(body, "data", c);
            }
            List<ObjectNode> containers = body.containers();
            int n = 1 + c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                ObjectNode mount = PodBody.list(containers.get(c.drawIndex(containers.size())), "volumeMounts").addObject();
                mount.put("name", Gen.elements("data", "data", "missing", "").generate(c));
                mount.put("mountPath", Gen.elements("/data", "/cache", "", "relative/path", "/data/").generate(c));
            }
        }
    },
    ENV_NAMES {
        @Override
        public void make(PodBody body, Choices c) {
            List<ObjectNode> containers = body.containers();
            ArrayNode env = PodBody.list(containers.get(c.drawIndex(containers.size())), "env");
            int n = 1 + c.drawIndex(3);
            for (int i = 0; i < n; i++) {
                ObjectNode var = env.addObject();
                var.put("name", Gen.elements("FOO", "foo_bar", "_x", "1ABC", "my.var", "a=b", "", "with space", "A-B",
                        "\u00e9t\u00e9", "FOO").generate(c));
                var.put("value", "v");
            }
        }
    },
    /** Quantities with fractions of their unit, in limits, requests or both. */
    FRACTIONAL_QUANTITY {
        @Override
        public void make(PodBody body, Choices c) {
            List<ObjectNode> containers = body.containers();
            ObjectNode resources = PodBody.map(containers.get(c.drawIndex(containers.size())), "resources");
            String resource = Gen.elements("memory", "ephemeral-storage", "cpu").generate(c);
            String quantity = Gen.elements("500m", "1.5", "0.0001", "1Ki", "1.5Gi", "100u", "1e3", "64Mi", "0.5Mi",
                    "1n", "1.0001Ki", "0").generate(c);
            int where = c.drawIndex(3);
            resources.remove("requests");
            resources.remove("limits");
            if (where != 1) {
                PodBody.map(resources, "limits").put(resource, quantity);
            }
            if (where != 0) {
                PodBody.map(resources, "requests").put(resource, quantity);
            }
        }
    },
    GRACE_PERIOD {
        @Override
        public void make(PodBody body, Choices c) {
            body.spec().put("terminationGracePeriodSeconds", Gen.elements(-1L, -5L, -100L, 0L, 1L).generate(c));
        }
    };

    /** Object fields whose keys are the user's, not the API's: any key is known there. */
    private static final List<String> MAPS = List.of("labels", "annotations", "limits", "requests", "nodeSelector", "matchLabels");
    private static final List<String> NAMES = List.of("web", "web-1", "web.example", "a.b.c", "Web_1", "web_1", "-web",
            "web-", "1web", "a".repeat(63), "a".repeat(64), "a".repeat(253), "a".repeat(254), "web..x", "", "UPPER",
            "web.", ".web");
    static final List<String> KEYS = List.of("app", "example.com/app", "app.kubernetes.io/name",
            "Example.com/app", "a/b/c", "/app", "app/", "-app", "a".repeat(63), "a".repeat(64), "under_score", "dots.ok",
            "App", "");
    static final List<String> LABEL_VALUES = List.of("", "web", "-web", "web-", "a".repeat(63), "a".repeat(64),
            "web_1", "web.1", "with space", "\u00fcn\u00efcode");

    @Override
    public abstract void make(PodBody body, Choices c);

    private static void volume(PodBody body, String name, Choices c) {
        ObjectNode volume = PodBody.list(body.spec(), "volumes").addObject();
        volume.put("name", name);
        int source = c.drawIndex(5);
        if (source == 0 || source == 4) {
            volume.putObject("emptyDir");
        }
        if (source == 1 || source == 4) {
            volume.putObject("configMap").put("name", "cm");
        }
        if (source == 2) {
            volume.putObject("secret").put("secretName", "s");
        }
    }

    static void putSometimes(ObjectNode node, String field, Gen<String> values, Choices c) {
        if (c.drawBoolean(0.6)) {
            node.put(field, values.generate(c));
        }
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String dropOne(String key, int at) {
        return key.substring(0, at) + key.substring(at + 1);
    }
}
