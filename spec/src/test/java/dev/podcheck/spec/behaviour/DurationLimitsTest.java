package dev.podcheck.spec.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations never wrap: a sum past the limit is refused, whatever its parts, and any Duration can be written. */
class DurationLimitsTest {
    @Test
    void should_read_the_longest_duration_allowed() {
        assertThat(Durations.parse("10000h")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("36000000")).isEqualTo(Durations.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000h1ms", "99999999999999999999s", "9223372036854775807ms", "5000h5000h1s",
            "106751991167300h", "36000000.001"})
    void should_refuse_a_duration_past_the_limit_instead_of_wrapping(String text) {
        assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a duration must be at most 10000h, got \"" + text + "\"");
    }

    @Test
    void should_refuse_text_too_long_to_be_a_duration_before_reading_its_digits() {
        assertThatThrownBy(() -> Durations.parse("1".repeat(100_000) + "s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration like 5s, 1m30s or 500ms, got 100001 characters");
    }

    @Test
    void should_write_durations_whose_milliseconds_do_not_fit_a_long() {
        assertThat(Durations.format(Duration.ofSeconds(Long.MAX_VALUE))).isEqualTo("2562047788015215h30m7s");
        assertThat(Durations.format(Duration.ofSeconds(-90))).isEqualTo("-1m30s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1.5s");
        assertThat(Durations.format(Duration.ofMillis(250))).isEqualTo("250ms");
    }
}
