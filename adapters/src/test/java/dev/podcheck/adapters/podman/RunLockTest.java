package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void should_hold_a_run_until_closed() throws Exception {
        StateDir state = new StateDir(dir);

        RunLock lock = RunLock.hold(state, "abc");
        boolean whileOpen = RunLock.held(state, "abc");
        lock.close();

        assertThat(whileOpen).isTrue();
        assertThat(RunLock.held(state, "abc")).isFalse();
        assertThat(state.runLock("abc")).doesNotExist();
    }

    @Test
    void should_see_a_lock_file_its_process_left_as_unheld() throws Exception {
        StateDir state = new StateDir(dir);
        Files.createDirectories(state.runLock("gone").getParent());
        Files.createFile(state.runLock("gone"));

        assertThat(RunLock.held(state, "gone")).isFalse();
        assertThat(RunLock.held(state, "never")).isFalse();
    }

    @Test
    void should_refuse_to_hold_a_run_twice() throws Exception {
        StateDir state = new StateDir(dir);

        try (RunLock first = RunLock.hold(state, "abc")) {
            assertThatThrownBy(() -> RunLock.hold(state, "abc")).isInstanceOf(TargetException.class)
                    .hasMessage("run abc is already held in " + state.runLock("abc"));
        }
    }
}
