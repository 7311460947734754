package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PodmanEventTest {
    @Test
    void should_read_a_died_line_as_podman_4_writes_it() {
        PodmanEvent e = PodmanEvent.parse("""
                {"ContainerExitCode":143,"ID":"0e5bf1a3b18ab0a2","Image":"localhost/podcheck-busybox:1","Name":"pcwt1-app",\
                "Status":"died","Time":"2026-11-25T19:07:17.933549916Z","Type":"container",\
                "Attributes":{"podcheck.dev/run":"pcwx1"}}""");

        assertThat(e).isEqualTo(new PodmanEvent(Instant.parse("2026-11-25T19:07:17.933Z").toEpochMilli(), "container",
                "died", "pcwt1-app", 143));
        assertThat(e.isContainer()).isTrue();
    }

    @Test
    void should_read_an_exit_code_podman_left_out_as_0() {
        PodmanEvent e = PodmanEvent.parse("""
                {"ID":"55f6bc873cf5","Name":"pcwt1-init","Status":"died","Time":"2026-11-25T19:07:05.641310799Z",\
                "Type":"container","Attributes":{"podcheck.dev/run":"pcwx1"}}""");

        assertThat(e.exitCode()).isZero();
    }

    @Test
    void should_read_a_time_with_a_local_offset_as_the_same_instant() {
        PodmanEvent e = PodmanEvent.parse("""
                {"Name":"p","Status":"remove","Time":"2026-11-25T20:07:18.5+01:00","Type":"pod","Attributes":null}""");

        assertThat(e.epochMillis()).isEqualTo(Instant.parse("2026-11-25T19:07:18.500Z").toEpochMilli());
        assertThat(e.isPod()).isTrue();
    }

    @Test
    void should_skip_what_is_not_an_event() {
        assertThat(PodmanEvent.parse("")).isNull();
        assertThat(PodmanEvent.parse("{\"Name\":\"p\",\"Status\":\"start\",\"Ti")).isNull();
        assertThat(PodmanEvent.parse("{\"Name\":\"p\",\"Status\":\"start\",\"Type\":\"pod\"}")).isNull();
        assertThat(PodmanEvent.parse("{\"Name\":\"p\",\"Status\":\"start\",\"Time\":\"yesterday\",\"Type\":\"pod\"}")).isNull();
    }
}
