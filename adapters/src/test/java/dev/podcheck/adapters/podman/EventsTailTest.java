package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsTailTest {
    @TempDir
    Path dir;

    private static String line(String name, String status) {
        return "{\"Name\":\"" + name + "\",\"Status\":\"" + status
                + "\",\"Time\":\"2026-11-25T19:07:04.5Z\",\"Type\":\"container\"}\n";
    }

    private void append(Path log, String text) throws IOException {
        Files.writeString(log, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test
    void should_read_only_what_podman_wrote_after_the_tail_began() throws Exception {
        Path log = dir.resolve("events.log");
        append(log, line("before", "start"));
        EventsTail tail = EventsTail.fromEnd(log);

        append(log, line("after", "start") + line("after", "died"));

        assertThat(tail.read()).extracting(PodmanEvent::name, PodmanEvent::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("after", "start"),
                        org.assertj.core.groups.Tuple.tuple("after", "died"));
        assertThat(tail.read()).isEmpty();
    }

    @Test
    void should_read_a_line_being_written_once_it_is_whole() throws Exception {
        Path log = dir.resolve("events.log");
        EventsTail tail = EventsTail.fromEnd(log);
        String whole = line("app", "start");

        append(log, whole.substring(0, 30));
        int whileWritten = tail.read().size();
        append(log, whole.substring(30));

        assertThat(whileWritten).isZero();
        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("app");
    }

    @Test
    void should_start_over_on_a_log_set_aside_and_begun_anew() throws Exception {
        Path log = dir.resolve("events.log");
        append(log, line("old", "start") + line("old", "died"));
        EventsTail tail = EventsTail.fromEnd(log);

        Files.move(log, dir.resolve("events.log.old"));
        append(log, line("new", "start"));

        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("new");
    }

    @Test
    void should_wait_for_a_log_podman_has_not_made_yet() throws Exception {
        Path log = dir.resolve("events.log");
        EventsTail tail = EventsTail.fromEnd(log);

        assertThat(tail.read()).isEmpty();
        append(log, line("first", "create"));
        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("first");
    }
}
