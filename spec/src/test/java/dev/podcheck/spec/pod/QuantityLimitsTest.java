package dev.podcheck.spec.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Quantities podcheck cannot act on are refused when read; conversions of sums saturate instead of failing. */
class QuantityLimitsTest {
    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1e2147483647", "1e24", "1000000000000000000000000"})
    void should_refuse_a_quantity_of_1e24_or_more_in_magnitude(String text) {
        assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("podcheck reads quantities below 1e24 in magnitude, got \"" + text + "\"");
    }

    @Test
    void should_refuse_text_longer_than_a_quantity_before_reading_its_digits() {
        assertThatThrownBy(() -> Quantity.parse("9".repeat(1_000_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a quantity must have at most 100 characters, got 1000000");
    }

    @Test
    void should_cap_a_binary_quantity_as_the_apiserver_does() {
        assertThat(Quantity.parse("99999999999Ei").longValue()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void should_saturate_the_whole_units_and_millis_of_a_sum_past_the_long_range() {
        Quantity sum = Quantity.parse("8Ei").plus(Quantity.parse("8Ei"));

        assertThat(sum.longValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(sum.milliValue()).isEqualTo(Long.MAX_VALUE);
        assertThat(Quantity.ZERO.minus(sum).longValue()).isEqualTo(-Long.MAX_VALUE);
        assertThat(Quantity.parse("1500m").milliValue()).isEqualTo(1500);
    }
}
