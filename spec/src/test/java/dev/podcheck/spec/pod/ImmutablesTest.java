package dev.podcheck.spec.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ImmutablesTest {

    @Nested
    class Lists {

        @Test
        void should_copy_a_list_it_did_not_make_and_keep_its_items_nulls_and_equality() {
            // GIVEN a mutable list with a null item WHEN copied and the source then changes
            List<String> source = new ArrayList<>(Arrays.asList("a", null, "c"));
            List<String> copy = Immutables.list(source);
            source.set(0, "changed");
            // THEN the copy keeps the items it was made with and equals (and hashes as) an ArrayList of them
            List<String> expected = new ArrayList<>(Arrays.asList("a", null, "c"));
            assertThat(copy).containsExactly("a", null, "c").isEqualTo(expected);
            assertThat(copy.hashCode()).isEqualTo(expected.hashCode());
            assertThat(copy).hasToString(expected.toString());
        }

        @Test
        void should_return_a_list_it_made_as_it_is() {
            List<String> frozen = Immutables.list(List.of("a", "b"));
            assertThat(Immutables.list(frozen)).isSameAs(frozen);
            assertThat(Immutables.list(Collections.unmodifiableList(new ArrayList<>(frozen)))).isNotSameAs(frozen);
        }

        @Test
        void should_refuse_changes() {
            List<String> frozen = Immutables.list(List.of("a"));
            assertThatThrownBy(() -> frozen.add("b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> frozen.set(0, "b")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> frozen.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class Maps {

        @Test
        void should_copy_a_map_in_its_order_and_keep_equality() {
            // GIVEN an insertion-ordered map WHEN copied and the source then changes
            Map<String, Integer> source = new LinkedHashMap<>();
            source.put("z", 1);
            source.put("a", 2);
            Map<String, Integer> copy = Immutables.map(source);
            source.put("m", 3);
            // THEN the copy keeps the entries and order it was made with, and equals and hashes as a map of them
            assertThat(copy.keySet()).containsExactly("z", "a");
            assertThat(copy).isEqualTo(Map.of("z", 1, "a", 2)).hasToString("{z=1, a=2}");
            assertThat(copy.hashCode()).isEqualTo(Map.of("z", 1, "a", 2).hashCode());
            assertThat(copy.get("a")).isEqualTo(2);
            assertThat(copy.containsKey("m")).isFalse();
        }

        @Test
        void should_return_a_map_it_made_as_it_is_and_refuse_changes() {
            Map<String, Integer> frozen = Immutables.map(Map.of("a", 1));
            assertThat(Immutables.map(frozen)).isSameAs(frozen);
            assertThatThrownBy(() -> frozen.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue(3))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> frozen.remove("a")).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
