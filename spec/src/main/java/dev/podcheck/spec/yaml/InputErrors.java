package dev.podcheck.spec.yaml;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson and SnakeYAML failures into {@link InputException}s in the user's words. */
final class InputErrors {
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\(([^)]*)\\) out of range");
    private static final Pattern JACKSON_GOT = Pattern.compile(
            "(String|Integer|Floating-point|Boolean|Array|Object|Null) value(?: \\((?:'([^']*)'|\"([^\"]*)\"|[^)]*)\\))?");

    private InputErrors() {}

    /** As below, placed by field path in the original text (Jackson read a rewritten copy of it). */
    static InputException translate(JacksonException e, String source, String fieldPrefix, SourcePositions positions) {
        InputException raw = translate(e, source, fieldPrefix);
        return positions.of(raw.field())
                .map(at -> new InputException(source, at.line(), at.column(), raw.field(), raw.problem()))
                .orElse(raw);
    }

    static InputException translate(JacksonException e, String source, String fieldPrefix) {
        int line = 0;
        int column = 0;
        TokenStreamLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            line = loc.getLineNr();
            column = loc.getColumnNr();
        }
        if (e.getCause() instanceof MarkedYamlEngineException yaml && yaml.getProblemMark().isPresent()) {
            line = yaml.getProblemMark().get().getLine() + 1;
            column = yaml.getProblemMark().get().getColumn() + 1;
        }
        return new InputException(source, line, column, fieldPath(fieldPrefix, e), problem(e));
    }

    static String fieldPath(String prefix, JacksonException e) {
        StringBuilder out = new StringBuilder(prefix);
        for (JacksonException.Reference ref : e.getPath()) {
            String name = ref.getPropertyName();
            if (name != null) {
                String parent = out.toString();
                out.setLength(0);
                out.append(child(parent, name));
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The path of a field or map key under {@code parent}; a key with dots or slashes goes in brackets. */
    static String child(String parent, String name) {
        if (name.contains(".") || name.contains("/")) {
            return parent + "[" + name + "]";
        }
        return parent.isEmpty() ? name : parent + "." + name;
    }

    private static String problem(JacksonException e) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            return "not valid YAML: " + yaml.getProblem();
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException refused
                && refused.getMessage() != null) {
            return refused.getMessage();
        }
        if (e instanceof InputCoercionException range) {
            // encoding/json's words for a number its Go field cannot hold (int32 in Java's int, int64 in long).
            Matcher number = OUT_OF_RANGE.matcher(range.getOriginalMessage());
            String type = range.getTargetType() == Long.class || range.getTargetType() == long.class ? "int64" : "int32";
            return "cannot unmarshal number " + (number.find() ? number.group(1) : "") + " into a field of type " + type;
        }
        if (e instanceof InvalidTypeIdException typeId) {
            return "unknown kind \"" + typeId.getTypeId() + "\"";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field \"" + unknown.getPropertyName() + "\"; known fields: " + known(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format) {
            return "expected " + expected(format.getTargetType()) + ", got " + quote(format.getValue());
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getOriginalMessage().startsWith("Cannot")) {
            return "expected " + expected(mismatch.getTargetType()) + ", got " + got(mismatch);
        }
        String message = e.getOriginalMessage();
        if (message.startsWith("Duplicate Object property")) {
            return "duplicate field " + message.substring(message.indexOf('"'));
        }
        return message;
    }

    /**
     * What the input held. Records are bound through a buffer, so the parser no longer points at
     * the value; Jackson's own message names it ("from String value ('hello')").
     */
    private static String got(MismatchedInputException e) {
        Matcher m = JACKSON_GOT.matcher(e.getOriginalMessage());
        if (!m.find()) {
            return "something else";
        }
        String text = m.group(2) != null ? m.group(2) : m.group(3);
        return switch (m.group(1)) {
            case "String" -> text != null ? "\"" + text + "\"" : "a string";
            case "Integer" -> text != null ? text : "an integer";
            case "Floating-point" -> text != null ? text : "a number with a fraction";
            case "Boolean" -> text != null ? text : "a boolean";
            case "Array" -> "a list";
            case "Object" -> "a mapping";
            default -> "null";
        };
    }

    private static String known(Collection<Object> ids) {
        return ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String quote(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == dev.podcheck.spec.pod.Pod.class) {
            return "a Pod manifest (a mapping)";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        return "a " + type.getSimpleName();
    }
}
