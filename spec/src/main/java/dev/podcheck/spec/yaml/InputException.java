package dev.podcheck.spec.yaml;

/**
 * Input that cannot be read as a scenario: malformed YAML, a wrong type, a wrong kind. The message
 * names the source, line and column where known, and the field path, and is meant for users as is.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    public InputException(String source, int line, int column, String field, String problem) {
        super(format(source, line, column, field, problem), null, false, false);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
        this.problem = problem;
    }

    public static InputException of(String source, String problem) {
        return new InputException(source, 0, 0, "", problem);
    }

    private static String format(String source, int line, int column, String field, String problem) {
        StringBuilder out = new StringBuilder(Printable.of(source));
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ");
        if (!field.isEmpty()) {
            out.append(Printable.of(field)).append(": ");
        }
        return out.append(Printable.of(problem)).toString();
    }

    public String source() {
        return source;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The field path ({@code spec.containers[1].livenessProbe.periodSeconds}), or empty. */
    public String field() {
        return field;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }
}
