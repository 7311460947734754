package dev.podcheck.adapters.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.spec.behaviour.Health;
import dev.podcheck.spec.behaviour.InstanceBehaviour;
import dev.podcheck.spec.behaviour.MemoryUse;
import dev.podcheck.spec.pod.ProbeKind;
import dev.podcheck.spec.pod.Quantity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The changes a main script makes over an instance's life, computed from the behaviour. */
class TimelineTest {
    static final Map<ProbeKind, ProbeEndpoint> READINESS_FILE = Map.of(ProbeKind.readiness, new ProbeEndpoint.FileTest());

    static Health.Window window(long fromMillis, Long untilMillis) {
        return new Health.Window(Duration.ofMillis(fromMillis), untilMillis == null ? null : Duration.ofMillis(untilMillis));
    }

    @Test
    void should_keep_the_file_through_overlapping_and_touching_windows() {
        Health health = new Health(List.of(window(100, 300L), window(200, 500L), window(500, 600L), window(900, null)));
        Timeline timeline = Timeline.of(InstanceBehaviour.DEFAULT.withHealth(ProbeKind.readiness, health), READINESS_FILE);

        assertThat(timeline.atStart()).isEmpty();
        assertThat(timeline.later()).isEqualTo(
                "pause_until 100; up readiness; pause_until 600; down readiness; pause_until 900; up readiness");
    }

    @Test
    void should_put_the_file_in_place_at_the_start_when_the_window_opens_at_once() {
        Timeline timeline = Timeline.of(InstanceBehaviour.DEFAULT, READINESS_FILE);

        assertThat(timeline.atStart()).isEqualTo("up readiness");
        assertThat(timeline.later()).isEmpty();
    }

    @Test
    void should_start_and_stop_a_listener_with_the_file_of_a_tcpSocket_probe() {
        Timeline timeline = Timeline.of(
                InstanceBehaviour.DEFAULT.withHealth(ProbeKind.liveness, Health.until(Duration.ofMillis(250))),
                Map.of(ProbeKind.liveness, new ProbeEndpoint.TcpListener(8080)));

        assertThat(timeline.atStart()).isEqualTo("up liveness; httpd -f -p 8080 -h \"$W\" & Lliveness=$!");
        assertThat(timeline.later()).isEqualTo("pause_until 250; down liveness; kill $Lliveness");
    }

    @Test
    void should_hold_memory_as_the_engine_reads_the_steps_even_out_of_order() {
        // memoryBytesAt takes the last step in list order that has begun: at 10 s that is the 5 s step.
        InstanceBehaviour behaviour = new InstanceBehaviour(1, null, null, null, null, null, null, List.of(
                new MemoryUse(Duration.ofSeconds(10), Quantity.parse("1Mi")),
                new MemoryUse(Duration.ofSeconds(5), Quantity.parse("2Mi"))), null, null);

        Timeline timeline = Timeline.of(behaviour, Map.of());

        assertThat(timeline.atStart()).isEmpty();
        assertThat(timeline.later()).isEqualTo("pause_until 5000; mem 2097152");
    }

    @Test
    void should_split_memory_over_holders_of_at_most_one_GiB_and_release_it_at_zero() {
        InstanceBehaviour behaviour = new InstanceBehaviour(1, null, null, null, null, null, null, List.of(
                new MemoryUse(Duration.ZERO, Quantity.parse("2560Mi")),
                new MemoryUse(Duration.ofSeconds(1), Quantity.parse("0"))), null, null);

        Timeline timeline = Timeline.of(behaviour, Map.of());

        assertThat(timeline.atStart()).isEqualTo("mem 1073741824 1073741824 536870912");
        assertThat(timeline.later()).isEqualTo("pause_until 1000; mem");
    }
}
