package dev.podcheck.spec.admission;

import java.util.List;
import java.util.Map;

/**
 * A field error's value as the apiserver prints it when it is not a plain string or number: field.Error's ErrorBody
 * renders any other type with encoding/json. That covers the named string types of the API (an operator, an effect:
 * {@code "Bad"}, escaped as JSON, not as Go's %q) and whole internal structs, which have no json tags and so print
 * their Go field names, unset pointers as null (e.g. the container securityContext that allowPrivilegeEscalation
 * contradicts).
 *
 * @param text the rendering, printed as it is
 */
record GoJson(String text) {

    /** A value of a named string type, e.g. core.TolerationOperator. */
    static GoJson typed(String value) {
        return new GoJson(string(value));
    }

    /** One field of an internal struct: its Go name, its v1 (json) name, and how an unset one prints. */
    record Field(String goName, String jsonName, Kind kind, List<Field> fields) {
        Field(String goName, String jsonName, Kind kind) {
            this(goName, jsonName, kind, List.of());
        }
    }

    /** How a field prints: a Go string ("" when unset), or a pointer, slice or struct pointer (null when unset). */
    enum Kind { STRING, POINTER, STRUCT }

    /** An internal struct, from the v1 object read from the manifest. */
    static GoJson struct(Map<String, Object> object, List<Field> fields) {
        return new GoJson(render(object, fields));
    }

    private static String render(Map<String, Object> object, List<Field> fields) {
        StringBuilder out = new StringBuilder("{");
        for (Field f : fields) {
            out.append(out.length() > 1 ? "," : "").append(string(f.goName())).append(':');
            Object value = object.get(f.jsonName());
            if (f.kind() == Kind.STRUCT) {
                out.append(value instanceof Map<?, ?> ? render(PassThrough.map(object, f.jsonName()), f.fields()) : "null");
            } else if (value == null) {
                out.append(f.kind() == Kind.STRING ? "\"\"" : "null");
            } else {
                out.append(scalar(value));
            }
        }
        return out.append('}').toString();
    }

    private static String scalar(Object value) {
        if (value instanceof String s) {
            return string(s);
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            list.forEach(item -> out.append(out.length() > 1 ? "," : "").append(item == null ? "\"\"" : scalar(item)));
            return out.append(']').toString();
        }
        return String.valueOf(value);
    }

    /** encoding/json's string: HTML characters and U+2028/9 escaped too, as json.Marshal does by default. */
    static String string(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append('"').toString();
    }
}
