package dev.podcheck.adapters.kubernetes;

import dev.podcheck.spec.pod.Pod;
import dev.podcheck.spec.scenario.Scenario;
import dev.podcheck.spec.yaml.ScenarioReader;
import dev.podcheck.spec.yaml.ScenarioWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod reduced to the fields podcheck models: the components of its pod records, and of the fields they keep
 * in {@code extra} those podcheck defaults or validates (dnsPolicy, schedulerName, securityContext, volumes,
 * tolerations, affinity, ...; containers' ports, env and securityContext), less what admission plugins add there:
 * the service-account volume (and its mounts, which are not compared) and the two NoExecute tolerations of
 * DefaultTolerationSeconds.
 * Also left out: what the server sets on every pod (namespace, uid) and {@code spec.priority}, which
 * the Priority admission plugin fills from the priority class. Object keys are sorted: the apiserver
 * writes maps sorted, podcheck in the order read.
 */
final class ModelledFields {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ModelledFields() {}

    /** podcheck's pod (defaulted), reduced. */
    static JsonNode of(Pod pod) {
        JsonNode tree = project(JSON.readTree(ScenarioWriter.toJson(Scenario.of(pod))), Pod.class);
        ((ObjectNode) tree.path("metadata")).remove(List.of("namespace", "uid"));
        if (pod.metadata().extra().containsKey("generateName")) {
            ((ObjectNode) tree.path("metadata")).remove("name"); // the apiserver's, with a random suffix
        }
        withoutZeroDelays(tree);
        ((ObjectNode) tree.path("spec")).remove("priority");
        withDefaultedExtras(JSON.readTree(ScenarioWriter.toJson(Scenario.of(pod))).path("spec"), (ObjectNode) tree.path("spec"));
        return tree;
    }

    private static final List<String> SPEC_EXTRAS = List.of("dnsPolicy", "dnsConfig", "schedulerName", "securityContext",
            "enableServiceLinks", "hostNetwork", "nodeSelector", "affinity", "topologySpreadConstraints");
    private static final List<String> CONTAINER_EXTRAS = List.of("ports", "env", "securityContext");
    private static final String SERVICE_ACCOUNT_VOLUME = "kube-api-access-";
    private static final String DEFAULT_TOLERATIONS = "node.kubernetes.io/(not-ready|unreachable)";

    // Copies the compared extra fields from the written spec into the reduced one.
    private static void withDefaultedExtras(JsonNode written, ObjectNode reduced) {
        SPEC_EXTRAS.stream().filter(written::has).forEach(key -> reduced.set(key, sortedDeep(written.get(key))));
        ArrayNode volumes = JSON.createArrayNode();
        written.path("volumes").forEach(v -> {
            if (!v.path("name").asString("").startsWith(SERVICE_ACCOUNT_VOLUME)) {
                volumes.add(sortedDeep(v));
            }
        });
        ArrayNode tolerations = JSON.createArrayNode();
        written.path("tolerations").forEach(t -> {
            boolean added = t.path("key").asString("").matches(DEFAULT_TOLERATIONS) && t.path("tolerationSeconds").asLong() == 300
                    && t.path("operator").asString("").equals("Exists") && t.path("effect").asString("").equals("NoExecute")
                    && t.size() == 4;
            if (!added) {
                tolerations.add(sortedDeep(t));
            }
        });
        for (var list : List.of(java.util.Map.entry("volumes", volumes), java.util.Map.entry("tolerations", tolerations))) {
            if (!list.getValue().isEmpty()) {
                reduced.set(list.getKey(), list.getValue());
            }
        }
        for (String kind : List.of("containers", "initContainers")) {
            for (int i = 0; i < written.path(kind).size(); i++) {
                JsonNode container = written.path(kind).get(i);
                ObjectNode target = (ObjectNode) reduced.path(kind).get(i);
                CONTAINER_EXTRAS.stream().filter(container::has).forEach(key -> target.set(key, sortedDeep(container.get(key))));
            }
        }
    }

    // Sorted, and without Go's zero values: the apiserver's omitempty leaves out a written [], "", 0 or false
    // (capabilities.add: [], a toleration's effect: "", a port's hostPort: 0), which podcheck keeps as read. The same
    // value to Go. Left out of both sides alike, so a zero the apiserver keeps (a pointer's, hostPath's type: "") is
    // not compared: PassThroughDefaultsTest pins those.
    private static boolean isEmpty(JsonNode node) {
        return (node.isArray() && node.isEmpty()) || (node.isString() && node.asString().isEmpty())
                || (node.isNumber() && node.asDouble() == 0) || (node.isBoolean() && !node.asBoolean());
    }

    private static JsonNode sortedDeep(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            new TreeSet<>(node.propertyNames()).stream().filter(key -> !isEmpty(node.get(key)))
                    .forEach(key -> out.set(key, sortedDeep(node.get(key))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(item -> out.add(sortedDeep(item)));
            return out;
        }
        return node;
    }

    /** The pod the apiserver returned (JSON), read as podcheck reads a pod, then reduced. */
    static JsonNode ofStored(String json) {
        return of(ScenarioReader.readManifests("apiserver", json).get(0).scenario().pod());
    }

    // initialDelaySeconds is a plain int32 with omitempty: the apiserver stores 0 as no field, podcheck keeps a written
    // 0. The same value, and the only modelled field where this happens (the other probe timings are defaulted).
    private static void withoutZeroDelays(JsonNode node) {
        if (node instanceof ObjectNode object && object.path("initialDelaySeconds").isIntegralNumber()
                && object.path("initialDelaySeconds").asLong() == 0) {
            object.remove("initialDelaySeconds");
        }
        node.forEach(ModelledFields::withoutZeroDelays);
    }

    /** The paths where two reduced pods differ, {@code spec.containers[0].imagePullPolicy}; empty if equal. */
    static List<String> differences(JsonNode ours, JsonNode theirs) {
        List<String> out = new ArrayList<>();
        differences(ours, theirs, "", out);
        return out;
    }

    /** The value at a path {@link #differences} names, or null where there is none. */
    static JsonNode at(JsonNode pod, String path) {
        JsonNode node = pod;
        for (String step : path.split("\\.|(?=\\[)")) {
            if (step.startsWith("[")) {
                node = node == null ? null : node.get(Integer.parseInt(step.substring(1, step.length() - 1)));
            } else if (!step.isEmpty()) {
                node = node == null ? null : node.get(step);
            }
        }
        return node;
    }

    private static void differences(JsonNode a, JsonNode b, String path, List<String> out) {
        if (a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>(a.propertyNames());
            keys.addAll(b.propertyNames());
            for (String key : keys) {
                differences(a.path(key), b.path(key), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences(a.get(i), b.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.add(path);
        }
    }

    // Keeps a record's components (not its extra) in an object, recursively; anything else whole.
    private static JsonNode project(JsonNode node, Type type) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (node.isArray() && List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(element -> out.add(project(element, p.getActualTypeArguments()[0])));
            return out;
        }
        if (node.isObject() && raw.isRecord()) {
            ObjectNode out = JSON.createObjectNode();
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode child = node.get(component.getName());
                if (!component.getName().equals("extra") && child != null) {
                    out.set(component.getName(), project(child, component.getGenericType()));
                }
            }
            return sorted(out);
        }
        return node.isObject() ? sorted((ObjectNode) node) : node;
    }

    private static ObjectNode sorted(ObjectNode node) {
        ObjectNode out = JSON.createObjectNode();
        new TreeSet<>(node.propertyNames()).forEach(key -> out.set(key, node.get(key)));
        return out;
    }
}
