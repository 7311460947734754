package dev.podcheck.spec.admission;

/**
 * A warning the apiserver returns with an accepted pod (kubectl prints it as {@code Warning: <text>}).
 *
 * @param field the field it is about, e.g. {@code spec.containers[0].resources.limits[memory]}
 */
public record Warning(String field, String message) {
    /** The apiserver's text: the field path, then what is wrong. */
    public String text() {
        return field + ": " + message;
    }

    @Override
    public String toString() {
        return text();
    }
}
