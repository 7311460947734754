package dev.podcheck.spec.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GenTest {
    private static final Choices SIMPLEST = Choices.replay(new long[0]);

    @Nested
    class Bounds {
        @Test
        void should_keep_integers_within_their_bounds() {
            Gen<int[]> bounded = Gen.integers(-1000, 1000).flatMap(min -> Gen.integers(min, 1000)
                    .flatMap(max -> Gen.integers(min, max).map(v -> new int[] {min, max, v})));
            Property.forAll(bounded).trials(500).seed(1)
                    .checkThat(t -> t[0] <= t[2] && t[2] <= t[1]);
        }

        @Test
        void should_keep_list_sizes_within_their_bounds() {
            Gen<Object[]> lists = Gen.integers(0, 5).flatMap(min -> Gen.integers(min, min + 6)
                    .flatMap(max -> Gen.listOf(Gen.booleans(), min, max).map(l -> new Object[] {min, max, l})));
            Property.forAll(lists).trials(500).seed(2).checkThat(t -> {
                int size = ((List<?>) t[2]).size();
                return (int) t[0] <= size && size <= (int) t[1];
            });
        }

        @Test
        void should_reach_both_ends_of_a_range() {
            List<Integer> values = LongStream.range(0, 300).mapToObj(s -> Gen.integers(0, 3).generate(Choices.random(s)))
                    .distinct().sorted().toList();
            assertThat(values).containsExactly(0, 1, 2, 3);
        }
    }

    @Nested
    class SimplestValues {
        @Test
        void should_map_choice_zero_to_the_simplest_value() {
            assertThat(Gen.integers(-5, 5, 2).generate(Choices.replay(new long[0]))).isEqualTo(2);
            assertThat(Gen.booleans().generate(SIMPLEST)).isFalse();
            assertThat(Gen.elements("a", "b").generate(SIMPLEST)).isEqualTo("a");
            assertThat(Gen.oneOf(Gen.constant(1), Gen.constant(2)).generate(SIMPLEST)).isEqualTo(1);
            assertThat(Gen.listOf(Gen.integers(3, 9), 2, 5).generate(SIMPLEST)).containsExactly(3, 3);
            assertThat(Gen.integers(1, 9).orNull(0.9).generate(SIMPLEST)).isNull();
        }

        @Test
        void should_reach_values_below_the_simplest_one() {
            assertThat(Gen.integers(-5, 5, 2).generate(Choices.replay(new long[] {1, 7}))).isEqualTo(-5);
        }
    }

    @Test
    void should_draw_frequent_alternatives_more_often() {
        Gen<String> gen = Gen.frequency(Weighted.just(1, "edge"), Weighted.just(9, "usual"));
        Map<String, Long> counts = LongStream.range(0, 1000).mapToObj(s -> gen.generate(Choices.random(s)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(counts.get("edge")).isBetween(50L, 200L);
    }
}
