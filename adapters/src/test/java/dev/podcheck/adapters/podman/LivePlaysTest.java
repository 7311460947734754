package dev.podcheck.adapters.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.podcheck.conformance.api.Target.TargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(OS.LINUX)
class LivePlaysTest {
    @TempDir
    Path dir;

    private HostCommand play() {
        return new HostCommand(List.of("sleep", "300"), Map.of(), dir);
    }

    @Test
    void should_kill_every_play_in_flight_when_stopped() throws Exception {
        LivePlays plays = new LivePlays();
        HostCommand.Running first = plays.start(play());
        HostCommand.Running second = plays.start(play());

        plays.stopAll();

        assertThat(first.finished()).isTrue();
        assertThat(second.finished()).isTrue();
    }

    @Test
    void should_start_no_play_once_stopped() throws Exception {
        LivePlays plays = new LivePlays();
        plays.stopAll();

        assertThatThrownBy(() -> plays.start(play())).isInstanceOf(TargetException.class)
                .hasMessage("the run is being released: no pod is played any more");
    }

    @Test
    void should_leave_a_play_ended_by_its_trial_out_of_the_stop() throws Exception {
        LivePlays plays = new LivePlays();
        HostCommand.Running ended = plays.start(play());
        plays.close(ended);
        HostCommand.Running live = plays.start(play());

        assertThat(ended.finished()).isTrue();
        assertThat(live.finished()).isFalse();
        plays.stopAll();
        assertThat(live.finished()).isTrue();
    }
}
