package dev.podcheck.spec.pod;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Defensive copies for record components. Absent and empty collections are the same value, so a
 * YAML round trip (which omits empty collections) is the identity; map order is kept for output.
 *
 * <p>A collection this class made is returned as it is: nothing holds a way to change it, and the
 * records' {@code withX} copies pass their other components through here, so copying them again on
 * every copy made most of the cost of defaulting a scenario.
 */
public final class Immutables {
    private Immutables() {}

    public static <T> List<T> list(List<T> list) {
        if (list == null) {
            return List.of();
        }
        return list instanceof FrozenList<T> frozen ? frozen : new FrozenList<>(list.toArray());
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
        if (map == null) {
            return Map.of();
        }
        return map instanceof FrozenMap<K, V> frozen ? frozen : new FrozenMap<>(map);
    }

    /** An unmodifiable list over its own copy of the items (nulls allowed, as in the lists it replaced). */
    private static final class FrozenList<T> extends AbstractList<T> implements RandomAccess {
        private final Object[] items;

        FrozenList(Object[] items) {
            this.items = items;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T get(int index) {
            return (T) items[index];
        }

        @Override
        public int size() {
            return items.length;
        }
    }

    /** An unmodifiable map over its own insertion-ordered copy. */
    private static final class FrozenMap<K, V> extends AbstractMap<K, V> {
        private final Map<K, V> entries;

        FrozenMap(Map<K, V> map) {
            this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            return entries.entrySet();
        }

        @Override
        public V get(Object key) {
            return entries.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public int size() {
            return entries.size();
        }

        @Override
        public void forEach(BiConsumer<? super K, ? super V> action) {
            entries.forEach(action);
        }
    }
}
