package dev.podcheck.spec.yaml;

import java.util.Map;
import java.util.Optional;

/**
 * Where each field of one manifest was written, by field path ({@code spec.containers[0].ports[1].containerPort};
 * map entries both as {@code limits[memory]} and {@code limits.memory}), so that an error about a field
 * can name its line and column.
 */
public record SourcePositions(Map<String, Position> byField) {
    /** 1-based line and column. */
    public record Position(int line, int column) {
        @Override
        public String toString() {
            return line + ":" + column;
        }
    }

    public static final SourcePositions NONE = new SourcePositions(Map.of());

    public SourcePositions {
        byField = Map.copyOf(byField);
    }

    /**
     * Where {@code field} was written; a field that is not written (a Required value) is placed at the
     * nearest enclosing field that is.
     */
    public Optional<Position> of(String field) {
        String path = field;
        while (!path.isEmpty()) {
            Position at = byField.get(path);
            if (at != null) {
                return Optional.of(at);
            }
            path = parent(path);
        }
        return Optional.ofNullable(byField.get(""));
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        // A key in brackets may hold dots of its own (labels[app.kubernetes.io/name]).
        if (path.endsWith("]")) {
            cut = path.lastIndexOf('[');
        }
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}
