package dev.podcheck.spec.yaml;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Names what the input held where something else was expected, in YAML words. */
final class Tokens {
    private Tokens() {}

    static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            return "\"" + p.getString() + "\"";
        }
        if (t != null && t.isScalarValue()) {
            return p.getString();
        }
        return describe(t);
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT, END_OBJECT, PROPERTY_NAME -> "a mapping";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number with a fraction";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "a " + t.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
