package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
                .containsExactly(tuple("after", "start"), tuple("after", "died"));
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

    /** Podman's rotation (libpod/events/logfile.go truncate): the second half, from a whole line, in a new file. */
    private void rotate(Path log, String kept) throws IOException {
        Path copy = dir.resolve("rotated.tmp");
        Files.writeString(copy, kept + "{\"Name\":\"" + log + "\",\"Status\":\"log-rotation\","
                + "\"Time\":\"2026-11-25T19:07:05Z\",\"Type\":\"system\"}\n");
        Files.move(copy, log, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void should_go_on_after_its_last_line_when_podman_rotates_the_log() throws Exception {
        Path log = dir.resolve("events.log");
        append(log, line("a", "start") + line("b", "start"));
        EventsTail tail = EventsTail.fromEnd(log);
        append(log, line("c", "start") + line("d", "start"));
        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("c", "d");
        append(log, line("e", "start"));

        rotate(log, line("c", "start") + line("d", "start") + line("e", "start"));
        append(log, line("f", "start"));

        assertThat(tail.read()).extracting(PodmanEvent::name, PodmanEvent::status).containsExactly(
                tuple("e", "start"), tuple(log.toString(), "log-rotation"), tuple("f", "start"));
        assertThat(tail.read()).isEmpty();
    }

    @Test
    void should_go_on_after_its_last_line_when_the_log_is_rewritten_in_place() throws Exception {
        Path log = dir.resolve("events.log");
        EventsTail tail = EventsTail.fromEnd(log);
        append(log, line("a", "start") + line("b", "start"));
        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("a", "b");

        // Same file, shorter start: the old offset would land mid-line, or on lines read before.
        Files.writeString(log, line("b", "start") + line("c", "start") + line("d", "start") + line("e", "start"),
                StandardOpenOption.TRUNCATE_EXISTING);

        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("c", "d", "e");
    }

    @Test
    void should_read_all_a_rotation_kept_when_it_dropped_the_tails_last_line() throws Exception {
        Path log = dir.resolve("events.log");
        EventsTail tail = EventsTail.fromEnd(log);
        append(log, line("a", "start"));
        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("a");
        append(log, line("b", "start") + line("c", "start") + line("d", "start"));

        rotate(log, line("c", "start") + line("d", "start"));

        assertThat(tail.read()).extracting(PodmanEvent::name).containsExactly("c", "d", log.toString());
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
