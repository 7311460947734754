package dev.podcheck.spec.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChoicesTest {
    private static final Gen<List<Integer>> LISTS = Gen.listOf(Gen.integers(-50, 50, 0), 0, 10);

    @Nested
    class Determinism {
        @Test
        void should_draw_the_same_values_from_the_same_seed() {
            // GIVEN two sources with one seed WHEN both generate THEN the values are equal
            assertThat(LISTS.generate(Choices.random(7))).isEqualTo(LISTS.generate(Choices.random(7)));
        }

        @Test
        void should_draw_different_values_from_different_seeds() {
            List<List<Integer>> values = java.util.stream.LongStream.range(0, 20)
                    .mapToObj(s -> LISTS.generate(Choices.random(s))).distinct().toList();
            assertThat(values).hasSizeGreaterThan(10);
        }
    }

    @Nested
    class Replay {
        @Test
        void should_reproduce_the_value_from_its_recorded_sequence() {
            for (long seed = 0; seed < 50; seed++) {
                Choices random = Choices.random(seed);
                List<Integer> value = LISTS.generate(random);
                assertThat(LISTS.generate(Choices.replay(random.recorded()))).isEqualTo(value);
            }
        }

        @Test
        void should_draw_zero_once_an_edited_sequence_runs_out() {
            // GIVEN a sequence cut after "one more element" WHEN replayed THEN the element is the simplest
            assertThat(LISTS.generate(Choices.replay(new long[] {1}))).containsExactly(0);
            assertThat(LISTS.generate(Choices.replay(new long[0]))).isEmpty();
            assertThat(Gen.integers(5, 9).generate(Choices.replay(new long[0]))).isEqualTo(5);
        }

        @Test
        void should_clamp_replayed_values_to_the_bound_of_the_draw() {
            assertThat(Gen.integers(0, 10).generate(Choices.replay(new long[] {999}))).isEqualTo(10);
        }

        @Test
        void should_record_weighted_draws_as_the_index() {
            Gen<String> gen = Gen.frequency(Weighted.just(1, "a"), Weighted.just(1000, "b"));
            Choices c = Choices.random(3);
            String value = gen.generate(c);
            assertThat(c.recorded()).containsExactly("a".equals(value) ? 0 : 1);
        }
    }
}
