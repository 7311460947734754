package dev.podcheck.spec.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} is {1} ms, written {2}")
    @CsvSource({
            "5s, 5000, 5s",
            "90s, 90000, 1m30s",
            "1m30s, 90000, 1m30s",
            "500ms, 500, 500ms",
            "1.5s, 1500, 1.5s",
            "2h, 7200000, 2h",
            "1h0m1s, 3601000, 1h1s",
            "0, 0, 0s",
            "10, 10000, 10s",
            "2.25, 2250, 2.25s"})
    void should_parse_go_style_durations_and_write_them_back(String text, long millis, String written) {
        Duration d = Durations.parse(text);

        assertThat(d.toMillis()).isEqualTo(millis);
        assertThat(Durations.format(d)).isEqualTo(written);
        assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {"five", "5 s", "5x", "s", "-5s", "1m-2s", ""})
    void should_refuse_what_is_not_a_duration(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expected a duration like 5s, 1m30s or 500ms, got \"" + text + "\"");
    }
}
