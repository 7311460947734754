package dev.podcheck.spec.admission;

import dev.podcheck.spec.yaml.Printable;

/**
 * One reason the apiserver (or podcheck, for the scenario annotation) refuses a pod, worded as
 * apimachinery's field.Error: {@code spec.containers[0].name: Required value}.
 *
 * @param field  the field path, e.g. {@code spec.containers[1].livenessProbe.successThreshold}
 * @param type   the kind of error
 * @param value  the offending value as the apiserver prints it, or null where it prints none
 * @param detail what is expected, or empty
 */
public record Violation(String field, Type type, String value, String detail) {

    /** field.ErrorType, with the words the apiserver prints for each. */
    public enum Type {
        REQUIRED("Required value"),
        INVALID("Invalid value"),
        FORBIDDEN("Forbidden"),
        NOT_SUPPORTED("Unsupported value"),
        DUPLICATE("Duplicate value"),
        NOT_FOUND("Not found"),
        TOO_MANY("Too many"),
        TOO_LONG("Too long");

        private final String words;

        Type(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    public Violation {
        if (field == null || type == null) {
            throw new IllegalArgumentException("a violation names its field and type");
        }
        detail = detail == null ? "" : detail;
    }

    public static Violation required(String field, String detail) {
        return new Violation(field, Type.REQUIRED, null, detail);
    }

    public static Violation invalid(String field, Object value, String detail) {
        return new Violation(field, Type.INVALID, quote(value), detail);
    }

    public static Violation forbidden(String field, String detail) {
        return new Violation(field, Type.FORBIDDEN, null, detail);
    }

    public static Violation notSupported(String field, Object value, String detail) {
        return new Violation(field, Type.NOT_SUPPORTED, quote(value), detail);
    }

    public static Violation duplicate(String field, Object value) {
        return new Violation(field, Type.DUPLICATE, quote(value), "");
    }

    public static Violation notFound(String field, Object value) {
        return new Violation(field, Type.NOT_FOUND, quote(value), "");
    }

    /** field.TooMany: a list longer than its maximum. */
    public static Violation tooMany(String field, int actual, int max) {
        return new Violation(field, Type.TOO_MANY, String.valueOf(actual), "must have at most " + max + " items");
    }

    /** The message as {@code kubectl apply} would show it for this field. */
    public String message() {
        StringBuilder out = new StringBuilder(field).append(": ").append(type.words());
        if (value != null) {
            out.append(": ").append(value);
        }
        if (!detail.isEmpty()) {
            out.append(": ").append(detail);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return message();
    }

    /** Strings are printed quoted, numbers bare, as Go's %#v does in field errors; other types as encoding/json does. */
    private static String quote(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof GoJson json) {
            return json.text();
        }
        return value instanceof String s ? Printable.quoted(s) : String.valueOf(value);
    }
}
