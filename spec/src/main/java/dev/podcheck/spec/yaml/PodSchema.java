package dev.podcheck.spec.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Every field of a core/v1 Pod and its type, as the apiserver's typed decoding knows them: read from
 * {@code pod-v1.schema}, which adapters' PodSchemaFromFabric8 generates from the Kubernetes OpenAPI
 * (through Fabric8's model) and a test there keeps in step.
 */
final class PodSchema {
    /** The root type. */
    static final String POD = "Pod";

    /** What a field holds. */
    sealed interface FieldType permits Scalar, Struct, ListOf, MapOf, Free {}

    /** A scalar: string, integer, boolean, number, quantity (string or number), int-or-string. */
    record Scalar(String name) implements FieldType {}

    /** A Go struct: only its own fields are known. */
    record Struct(String name) implements FieldType {}

    record ListOf(FieldType item) implements FieldType {}

    /** A map with string keys (labels, resources.limits, ...). */
    record MapOf(FieldType value) implements FieldType {}

    /** Free-form content (metadata.managedFields[].fieldsV1): anything goes. */
    record Free() implements FieldType {}

    private static final Map<String, Map<String, FieldType>> TYPES = load();

    private PodSchema() {}

    /** The fields of a struct type. */
    static Map<String, FieldType> fields(Struct struct) {
        return TYPES.get(struct.name());
    }

    private static Map<String, Map<String, FieldType>> load() {
        try (InputStream in = PodSchema.class.getResourceAsStream("pod-v1.schema")) {
            if (in == null) {
                throw new IllegalStateException("pod-v1.schema is missing from the class path");
            }
            Map<String, Map<String, FieldType>> types = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] words = line.trim().split(" ");
                Map<String, FieldType> fields = new HashMap<>();
                for (int i = 1; i < words.length; i++) {
                    int colon = words[i].indexOf(':');
                    if (colon > 0) {
                        fields.put(words[i].substring(0, colon), parse(words[i].substring(colon + 1)));
                    }
                }
                types.put(words[0], words.length == 2 && words[1].equals("*") ? null : fields);
            }
            return types;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FieldType parse(String type) {
        if (type.startsWith("[")) {
            return new ListOf(parse(type.substring(1, type.length() - 1)));
        }
        if (type.startsWith("{")) {
            return new MapOf(parse(type.substring(1, type.length() - 1)));
        }
        return switch (type) {
            case "string", "integer", "boolean", "number", "quantity", "int-or-string" -> new Scalar(type);
            case "any" -> new Free();
            default -> new Struct(type);
        };
    }

    /** A struct with no declared fields (FieldsV1) holds anything. */
    static FieldType resolve(FieldType type) {
        return type instanceof Struct s && TYPES.containsKey(s.name()) && TYPES.get(s.name()) == null ? new Free() : type;
    }
}
