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
