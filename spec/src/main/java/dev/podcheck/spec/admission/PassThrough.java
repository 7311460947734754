package dev.podcheck.spec.admission;

import java.util.List;
import java.util.Map;

/**
 * Reads fields podcheck does not model but validates (ports, volumes, env, ...) from a record's
 * {@code extra}, where they are kept as read. Their types were checked by strict decoding against the
 * v1 Pod schema, so a present value has its API type; an absent one reads as Go's zero value.
 */
final class PassThrough {
    private PassThrough() {}

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    /** An object field, or null where it is not written (Go's nil pointer). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    /** A map or object field; an absent one reads as empty. */
    static Map<String, Object> map(Map<String, Object> fields, String name) {
        Map<String, Object> map = object(fields, name);
        return map == null ? Map.of() : map;
    }

    /** A list of scalars as read. */
    static List<Object> values(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof List<?> list ? List.copyOf(list.stream().map(v -> v == null ? 0 : v).toList()) : List.of();
    }

    /** A list of strings; a null item is Go's "". */
    static List<String> strings(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof List<?> list
                ? list.stream().map(item -> item instanceof String s ? s : "").toList() : List.of();
    }

    /** An integer pointer field: null where it is not written. */
    static Long optionalInteger(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Number n ? n.longValue() : null;
    }

    /** A boolean pointer field: null where it is not written. */
    static Boolean optionalBool(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Boolean b ? b : null;
    }

    static String string(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof String s ? s : "";
    }

    static long integer(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof Number n ? n.longValue() : 0;
    }

    static boolean bool(Map<String, Object> fields, String name) {
        return Boolean.TRUE.equals(fields.get(name));
    }
}
