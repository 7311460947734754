package dev.podcheck.spec.pod;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Int64Test {
    @Test
    void should_turn_seconds_into_milliseconds_exactly_within_range() {
        assertThat(Int64.millisOfSeconds(30)).isEqualTo(30_000);
        assertThat(Int64.millisOfSeconds(-2)).isEqualTo(-2_000);
        assertThat(Int64.millisOfSeconds(Long.MAX_VALUE / 1000)).isEqualTo(Long.MAX_VALUE / 1000 * 1000);
    }

    @Test
    void should_saturate_seconds_past_the_long_range_of_milliseconds() {
        assertThat(Int64.millisOfSeconds(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Int64.millisOfSeconds(Long.MAX_VALUE / 1000 + 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Int64.millisOfSeconds(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void should_saturate_a_sum_instead_of_wrapping() {
        assertThat(Int64.plus(1, 2)).isEqualTo(3);
        assertThat(Int64.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
        assertThat(Int64.plus(Long.MAX_VALUE - 5, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
        assertThat(Int64.plus(Long.MIN_VALUE, -1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Int64.plus(Long.MAX_VALUE, Long.MIN_VALUE)).isEqualTo(-1);
    }
}
