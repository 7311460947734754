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
 * A pod reduced to the fields podcheck models: the components of its pod records, every field they
 * keep in {@code extra} left out (what the apiserver or its admission plugins add there, such as the
 * service-account volume and its mounts, tolerations, dnsPolicy, is not podcheck's to predict).
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
        return tree;
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
