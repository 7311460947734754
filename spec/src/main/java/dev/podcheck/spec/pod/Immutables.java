package dev.podcheck.spec.pod;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive copies for record components. Absent and empty collections are the same value, so a
 * YAML round trip (which omits empty collections) is the identity; map order is kept for output.
 */
public final class Immutables {
    private Immutables() {}

    public static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /**
     * As {@link #list}, refusing null items: in a scenario a YAML {@code null} where an entry belongs is the
     * writer's mistake, said in the words of {@code expected} ("an instance entry").
     */
    public static <T> List<T> listOf(String expected, List<T> list) {
        List<T> copy = list(list);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i) == null) {
                throw new IllegalArgumentException("expected " + expected + ", got null at index " + i);
            }
        }
        return copy;
    }

    /** As {@link #map}, refusing null values, named by their key. */
    public static <K, V> Map<K, V> mapOf(String expected, Map<K, V> map) {
        Map<K, V> copy = map(map);
        copy.forEach((key, value) -> {
            if (value == null) {
                throw new IllegalArgumentException("expected " + expected + " for \"" + key + "\", got null");
            }
        });
        return copy;
    }

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
