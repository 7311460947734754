package dev.podcheck.spec.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pins the exact minimal counterexamples known failures shrink to. */
class ShrinkerTest {

    @Test
    void should_shrink_a_list_whose_sum_exceeds_100_to_exactly_101() {
        Counterexample<List<Integer>> found = Property.forAll(Gen.listOf(Gen.integers(0, 1000), 0, 20))
                .seed(42).trials(200)
                .findCounterexample(list -> assertThat(list.stream().mapToInt(i -> i).sum()).isLessThanOrEqualTo(100))
                .orElseThrow();
        assertThat(found.value()).containsExactly(101);
    }

    @Test
    void should_shrink_an_int_of_at_least_37_to_exactly_37() {
        Counterexample<Integer> found = Property.forAll(Gen.integers(0, 1_000_000)).seed(42)
                .findCounterexample(i -> assertThat(i).isLessThan(37)).orElseThrow();
        assertThat(found.value()).isEqualTo(37);
        assertThat(found.choices()).containsExactly(37L);
    }

    @Test
    void should_shrink_toward_the_given_simplest_value() {
        Counterexample<Integer> found = Property.forAll(Gen.integers(-1000, 1000, 0)).seed(5)
                .findCounterexample(i -> assertThat(Math.abs(i)).isLessThan(10)).orElseThrow();
        assertThat(found.value()).isIn(10, -10);
    }

    @Test
    void should_keep_the_failure_of_the_shrunk_value() {
        Counterexample<Integer> found = Property.forAll(Gen.integers(0, 1000)).seed(9)
                .findCounterexample(i -> assertThat(i).as("value").isLessThan(37)).orElseThrow();
        assertThat(found.failure()).hasMessageContaining("37");
    }

    @Test
    void should_stop_after_the_attempt_budget() {
        Counterexample<List<Integer>> found = Property.forAll(Gen.listOf(Gen.integers(0, 1000), 0, 20))
                .seed(42).maxShrinkAttempts(3)
                .findCounterexample(list -> assertThat(list.stream().mapToInt(i -> i).sum()).isLessThanOrEqualTo(100))
                .orElseThrow();
        assertThat(found.shrinkAttempts()).isLessThanOrEqualTo(3);
    }

    @Test
    void should_order_sequences_shortlex() {
        assertThat(Shrinker.shortlexLess(new long[] {9}, new long[] {0, 0})).isTrue();
        assertThat(Shrinker.shortlexLess(new long[] {1, 0}, new long[] {1, 1})).isTrue();
        assertThat(Shrinker.shortlexLess(new long[] {1, 1}, new long[] {1, 1})).isFalse();
    }
}
