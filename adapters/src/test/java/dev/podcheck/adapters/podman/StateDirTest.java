package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDirTest {
    @TempDir
    Path dir;

    @Test
    void should_write_the_private_containers_conf_podman_needs_here() throws Exception {
        StateDir state = new StateDir(dir.resolve("state")).prepare();

        assertThat(Files.readString(state.containersConf())).isEqualTo("""
                # Written by podcheck's podman target and read by its podman calls through CONTAINERS_CONF.
                [containers]
                default_ulimits = ["nofile=20000:20000", "nproc=20000:20000"]

                [engine]
                runtime = "runc"
                events_logger = "file"
                events_logfile_path = "%s"
                events_logfile_max_size = "0"
                """.formatted(state.eventsLog()));
        assertThat(state.eventsLog().getParent()).isEqualTo(state.root());
    }

    @Test
    void should_quote_a_path_toml_would_misread() {
        assertThat(StateDir.containersConf(Path.of("/tmp/a \"b\"\\c/events.log")))
                .contains("events_logfile_path = \"/tmp/a \\\"b\\\"\\\\c/events.log\"");
    }

    @Test
    void should_keep_each_trial_in_its_own_folder_beside_its_manifest() {
        StateDir state = new StateDir(dir);

        assertThat(state.trialDir("web-abc-1")).isEqualTo(dir.resolve("trials/web-abc-1"));
        assertThat(state.manifest("web-abc-1")).isEqualTo(dir.resolve("trials/web-abc-1.yaml"));
    }

    @Test
    void should_set_a_long_events_log_aside_and_keep_a_short_one() throws Exception {
        StateDir state = new StateDir(dir);
        Files.createDirectories(dir);
        try (RandomAccessFile log = new RandomAccessFile(state.eventsLog().toFile(), "rw")) {
            log.setLength(StateDir.EVENTS_LOG_LIMIT + 1);
        }
        state.prepare();
        boolean setAside = Files.exists(dir.resolve("events.log.old")) && !Files.exists(state.eventsLog());

        Files.writeString(state.eventsLog(), "{}\n");
        state.prepare();

        assertThat(setAside).isTrue();
        assertThat(state.eventsLog()).hasContent("{}");
    }

    @Test
    void should_refuse_a_trial_name_that_would_leave_the_trials_folder() {
        StateDir state = new StateDir(dir);

        assertThatThrownBy(() -> state.trialDir("../../etc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a trial file name must name a file in");
        assertThatThrownBy(() -> state.manifest("a/b")).isInstanceOf(IllegalArgumentException.class);
    }
}
