package dev.podcheck.spec.yaml;

/**
 * A field the apiserver's strict decoding refuses (kubectl's default, {@code --validate=strict}) and
 * its lenient modes warn about or drop: worded as sigs.k8s.io/json words it, e.g.
 * {@code unknown field "spec.containers[0].livenesProbe"}.
 *
 * @param line   1-based line of the field's key
 * @param column 1-based column of the field's key
 */
public record StrictDecodingError(Kind kind, String field, int line, int column) {
    /** The apiserver joins its strict errors after this prefix. */
    public static final String PREFIX = "strict decoding error: ";

    public enum Kind {
        UNKNOWN("unknown field"),
        DUPLICATE("duplicate field");

        private final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** The apiserver's words for this field, as a strict error lists it or a warning shows it. */
    public String message() {
        return kind.words + " \"" + field + "\"";
    }

    /** {@code source:line:column: strict decoding error: unknown field "..."}: one line, as an error. */
    public String asError(String source) {
        return source + ":" + line + ":" + column + ": " + PREFIX + message();
    }

    /** {@code Warning: source:line:column: unknown field "..."}, as kubectl prints the apiserver's warnings. */
    public String asWarning(String source) {
        return "Warning: " + source + ":" + line + ":" + column + ": " + message();
    }
}
