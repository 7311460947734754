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

    public static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
