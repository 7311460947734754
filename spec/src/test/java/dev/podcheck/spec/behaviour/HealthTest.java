package dev.podcheck.spec.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthTest {

    @Test
    void should_answer_passesAtMillis_exactly_as_passesAt_for_every_millisecond() {
        // GIVEN windows with edges on, between and below whole milliseconds
        Health health = new Health(List.of(
                new Health.Window(Duration.ofMillis(1500), Duration.ofSeconds(3)),
                new Health.Window(Duration.ofNanos(4_000_000_500L), Duration.ofNanos(5_999_999_999L)),
                new Health.Window(Duration.ofSeconds(7), Duration.ofSeconds(7)),
                new Health.Window(Duration.ofSeconds(9), null)));

        // WHEN / THEN both agree at each millisecond, before the start included
        for (long ms = -1500; ms <= 12_000; ms++) {
            assertThat(health.passesAtMillis(ms)).as("at %d ms", ms)
                    .isEqualTo(health.passesAt(Duration.ofMillis(ms)));
        }
        assertThat(Health.NEVER.passesAtMillis(0)).isFalse();
        assertThat(Health.ALWAYS.passesAtMillis(Long.MAX_VALUE)).isTrue();
    }
}
