package dev.podcheck.spec.pod;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A port given as a number or as a named container port, as in the API's IntOrString. */
public record IntOrString(Integer intValue, String strValue) {

    public IntOrString {
        if ((intValue == null) == (strValue == null)) {
            throw new IllegalArgumentException("exactly one of a number or a name");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IntOrString fromJson(Object value) {
        if (value instanceof Integer i) {
            return new IntOrString(i, null);
        }
        if (value instanceof String s) {
            return new IntOrString(null, s);
        }
        throw new IllegalArgumentException("expected a port number or name, got " + value);
    }

    @JsonValue
    Object toJson() {
        return intValue != null ? intValue : strValue;
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
