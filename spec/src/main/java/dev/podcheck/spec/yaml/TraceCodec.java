package dev.podcheck.spec.yaml;

import dev.podcheck.spec.trace.Trace;
import dev.podcheck.spec.trace.TraceEvent;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;

/**
 * The stable JSON form of a trace: {@code {"events": [ ... ]}} with one event per line, each an
 * object with {@code "type"} (the record name), {@code "at"} (ms since pod creation) and its fields.
 * A node scenario's trace adds {@code "neighbours": {"name": {"events": [ ... ]}, ...}} after them.
 */
public final class TraceCodec {
    private TraceCodec() {}

    public static String toJson(Trace trace) {
        String events = trace.events().stream()
                .map(e -> "  " + Mappers.JSON.writerFor(TraceEvent.class).writeValueAsString(e))
                .collect(Collectors.joining(",\n", "{\"events\": [\n", trace.events().isEmpty() ? "]" : "\n]"));
        if (trace.neighbours().isEmpty()) {
            return events + "}\n";
        }
        return trace.neighbours().entrySet().stream()
                .map(n -> Mappers.JSON.writeValueAsString(n.getKey()) + ": " + toJson(n.getValue()).strip())
                .collect(Collectors.joining(",\n", events + ",\n\"neighbours\": {\n", "}}\n"));
    }

    public static Trace fromJson(String source, String json) {
        try {
            return Mappers.JSON.readValue(json, Trace.class);
        } catch (JacksonException e) {
            throw InputErrors.translate(e, source, "");
        }
    }
}
