package dev.podcheck.spec.yaml;

import dev.podcheck.spec.yaml.PodSchema.FieldType;
import dev.podcheck.spec.yaml.PodSchema.Free;
import dev.podcheck.spec.yaml.PodSchema.ListOf;
import dev.podcheck.spec.yaml.PodSchema.MapOf;
import dev.podcheck.spec.yaml.PodSchema.Scalar;
import dev.podcheck.spec.yaml.PodSchema.Struct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * One Pod document read as the apiserver's typed decoding reads it (sigs.k8s.io/json with
 * DisallowUnknownFields and duplicate detection): every unknown or repeated field is collected, in
 * document order, and removed from the tree, the last of repeated fields winning as in Go's
 * encoding/json, so the tree left is what a lenient decode keeps. A value of the wrong type stops the
 * read, as it fails the apiserver's decoding. Positions of every field are recorded on the way.
 */
final class StrictDecoding {
    private static final Set<Tag> ANY_SCALAR = Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL);
    private static final Map<String, Set<Tag>> SCALAR_TAGS = Map.of(
            "string", Set.of(Tag.STR),
            "integer", Set.of(Tag.INT),
            "boolean", Set.of(Tag.BOOL),
            "number", Set.of(Tag.INT, Tag.FLOAT),
            "quantity", Set.of(Tag.STR, Tag.INT, Tag.FLOAT),
            "int-or-string", Set.of(Tag.STR, Tag.INT));
    private static final Map<String, String> EXPECTED = Map.of(
            "string", "a string",
            "integer", "an integer",
            "boolean", "true or false",
            "number", "a number",
            "quantity", "a quantity such as 100m or 128Mi",
            "int-or-string", "a port number or name");

    private final String source;
    private final List<StrictDecodingError> errors = new ArrayList<>();
    private final Map<String, SourcePositions.Position> positions = new HashMap<>();

    private StrictDecoding(String source) {
        this.source = source;
    }

    /** What strict decoding found in a Pod document: its errors, and where each field is. */
    record Result(List<StrictDecodingError> errors, SourcePositions positions) {}

    /** Checks {@code pod} (a mapping) against the v1 Pod schema, removing what a lenient decode drops. */
    static Result check(MappingNode pod, String source) {
        StrictDecoding walk = new StrictDecoding(source);
        walk.record("", pod);
        walk.value(pod, new Struct(PodSchema.POD), "");
        return new Result(List.copyOf(walk.errors), new SourcePositions(walk.positions));
    }

    private void value(Node node, FieldType type, String path) {
        if (isNull(node)) {
            return; // null is Go's zero value for every field type
        }
        FieldType resolved = PodSchema.resolve(type);
        if (resolved instanceof Struct struct) {
            struct(mapping(node, path), struct, path);
        } else if (resolved instanceof MapOf map) {
            map(mapping(node, path), map.value(), path);
        } else if (resolved instanceof ListOf list) {
            if (!(node instanceof SequenceNode sequence)) {
                throw mismatch(node, path, "a list");
            }
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String at = path + "[" + i + "]";
                items.set(i, zeroIfNull(items.get(i), list.item()));
                record(at, items.get(i));
                value(items.get(i), list.item(), at);
            }
        } else if (resolved instanceof Scalar scalar) {
            if (!(node instanceof ScalarNode s) || !SCALAR_TAGS.get(scalar.name()).contains(s.getTag())) {
                throw mismatch(node, path, EXPECTED.get(scalar.name()));
            }
        } else if (!(resolved instanceof Free)) {
            throw new IllegalStateException("unhandled field type " + resolved);
        }
    }

    private void struct(MappingNode node, Struct struct, String path) {
        Map<String, FieldType> fields = PodSchema.fields(struct);
        Map<String, NodeTuple> kept = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String name = keyOf(tuple, path);
            String at = path.isEmpty() ? name : path + "." + name;
            FieldType type = fields.get(name);
            if (type == null) {
                // An unknown field is reported once, even when repeated (as the apiserver does for typed objects).
                if (!kept.containsKey(name)) {
                    error(StrictDecodingError.Kind.UNKNOWN, at, tuple.getKeyNode());
                    kept.put(name, null);
                }
                continue;
            }
            if (kept.containsKey(name)) {
                error(StrictDecodingError.Kind.DUPLICATE, at, tuple.getKeyNode());
                kept.remove(name); // the last one wins, in its own place
            }
            kept.put(name, tuple);
            record(at, tuple.getValueNode());
            value(tuple.getValueNode(), type, at);
        }
        node.setValue(new ArrayList<>(kept.values().stream().filter(t -> t != null).toList()));
    }

    private void map(MappingNode node, FieldType valueType, String path) {
        Map<String, NodeTuple> kept = new LinkedHashMap<>();
        for (NodeTuple tuple : node.getValue()) {
            String key = keyOf(tuple, path);
            String at = path + "[" + key + "]";
            if (kept.containsKey(key)) {
                // sigs.k8s.io/json names a map's key with a dot, as a struct's field: "metadata.labels.app".
                error(StrictDecodingError.Kind.DUPLICATE, path + "." + key, tuple.getKeyNode());
                kept.remove(key);
            }
            NodeTuple entry = new NodeTuple(tuple.getKeyNode(), zeroIfNull(tuple.getValueNode(), valueType));
            kept.put(key, entry);
            record(at, entry.getValueNode());
            record(path + "." + key, entry.getValueNode()); // the path as Jackson names it
            value(entry.getValueNode(), valueType, InputErrors.child(path, key));
        }
        node.setValue(new ArrayList<>(kept.values()));
    }

    /**
     * Go decodes a JSON null list item or map value into the element type's zero value (a container
     * {@code null} is a container with no fields, a quantity {@code null} is 0), where Java would keep a null.
     */
    private static Node zeroIfNull(Node node, FieldType type) {
        if (!isNull(node)) {
            return node;
        }
        Optional<Mark> start = node.getStartMark();
        Optional<Mark> end = node.getEndMark();
        FieldType resolved = PodSchema.resolve(type);
        if (resolved instanceof Struct || resolved instanceof MapOf) {
            return new MappingNode(Tag.MAP, true, new ArrayList<>(), FlowStyle.FLOW, start, end);
        }
        if (resolved instanceof ListOf) {
            return new SequenceNode(Tag.SEQ, true, new ArrayList<>(), FlowStyle.FLOW, start, end);
        }
        if (resolved instanceof Scalar scalar) {
            return switch (scalar.name()) {
                case "string" -> new ScalarNode(Tag.STR, true, "", ScalarStyle.DOUBLE_QUOTED, start, end);
                case "boolean" -> new ScalarNode(Tag.BOOL, true, "false", ScalarStyle.PLAIN, start, end);
                default -> new ScalarNode(Tag.INT, true, "0", ScalarStyle.PLAIN, start, end);
            };
        }
        return node; // free-form content keeps its null
    }

    private MappingNode mapping(Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw mismatch(node, path, "a mapping");
    }

    // JSON keys are strings; YAML's `80: x` or `true: x` would not decode into a Go struct or map[string].
    private String keyOf(NodeTuple tuple, String path) {
        if (tuple.getKeyNode() instanceof ScalarNode key && ANY_SCALAR.contains(key.getTag())) {
            return KubectlSchema.text(key); // a key `on:` is "true" to kubectl
        }
        throw mismatch(tuple.getKeyNode(), path, "a field name");
    }

    private void error(StrictDecodingError.Kind kind, String field, Node key) {
        Mark at = key.getStartMark().orElse(null);
        errors.add(new StrictDecodingError(kind, field, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1));
    }

    private void record(String path, Node node) {
        node.getStartMark().ifPresent(m -> positions.put(path, new SourcePositions.Position(m.getLine() + 1, m.getColumn() + 1)));
    }

    private InputException mismatch(Node node, String path, String expected) {
        Mark at = node.getStartMark().orElse(null);
        String yaml11 = KubectlSchema.yaml11Reading(node)
                .map(what -> " (" + what + " to kubectl, which reads YAML 1.1: quote it to mean the string)").orElse("");
        return new InputException(source, at == null ? 0 : at.getLine() + 1, at == null ? 0 : at.getColumn() + 1,
                path, "expected " + expected + ", got " + describe(node) + yaml11);
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode scalar = (ScalarNode) node;
        return scalar.getTag().equals(Tag.STR) ? "\"" + scalar.getValue() + "\"" : scalar.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }
}
