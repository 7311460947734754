package dev.podcheck.adapters.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A pod body being edited as a JSON tree, and written out as the text a client sends: possibly with
 * one field written twice, which no JSON tree can hold (kubectl sends what the user wrote twice).
 */
final class PodBody {
    static final JsonMapper JSON = JsonMapper.builder().build();

    final ObjectNode pod;
    private ObjectNode repeatedIn;
    private String repeated;

    PodBody(String json) {
        this.pod = (ObjectNode) JSON.readTree(json);
    }

    ObjectNode spec() {
        return (ObjectNode) pod.path("spec");
    }

    ObjectNode metadata() {
        return pod.has("metadata") ? (ObjectNode) pod.get("metadata") : pod.putObject("metadata");
    }

    /** Regular containers, then init containers. */
    List<ObjectNode> containers() {
        List<ObjectNode> out = new ArrayList<>();
        for (String list : List.of("containers", "initContainers")) {
            spec().path(list).forEach(c -> out.add((ObjectNode) c));
        }
        return out;
    }

    /** The list {@code field} of {@code node}, created empty if absent. */
    static ArrayNode list(ObjectNode node, String field) {
        return node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
    }

    /** The map {@code field} of {@code node}, created empty if absent. */
    static ObjectNode map(ObjectNode node, String field) {
        return node.has(field) ? (ObjectNode) node.get(field) : node.putObject(field);
    }

    /** Every object in the pod with its path, maps included, e.g. {@code spec.containers[0].resources.limits}. */
    List<Map.Entry<String, ObjectNode>> objects() {
        List<Map.Entry<String, ObjectNode>> out = new ArrayList<>();
        collect(pod, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Map.Entry<String, ObjectNode>> out) {
        if (node.isObject()) {
            out.add(Map.entry(path, (ObjectNode) node));
            for (String key : node.propertyNames()) {
                collect(node.get(key), path.isEmpty() ? key : path + "." + key, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** Writes {@code field} of {@code object} twice (same value) when the body is written. */
    void repeat(ObjectNode object, String field) {
        this.repeatedIn = object;
        this.repeated = field;
    }

    String text() {
        StringBuilder out = new StringBuilder();
        write(pod, out);
        return out.toString();
    }

    private void write(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (String key : node.propertyNames()) {
                int times = node == repeatedIn && key.equals(repeated) ? 2 : 1;
                for (int i = 0; i < times; i++) {
                    out.append(first ? "" : ",").append(JSON.writeValueAsString(key)).append(':');
                    write(node.get(key), out);
                    first = false;
                }
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(node.get(i), out);
            }
            out.append(']');
        } else {
            out.append(JSON.writeValueAsString(node));
        }
    }
}
