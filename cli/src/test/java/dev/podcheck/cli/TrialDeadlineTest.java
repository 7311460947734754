package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.api.EngineTargetProvider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A target whose run never returns cannot hold a CI gate: each trial ends at its deadline, inconclusive, and the run goes on. */
class TrialDeadlineTest {
    final StandInProvider standIn = new StandInProvider();

    @TempDir
    Path dir;

    @Test
    void should_end_a_run_whose_target_never_returns_with_exit_3_within_the_deadlines() {
        // GIVEN a target whose every run blocks for good, deaf to interrupts (the worst a target can do)
        standIn.onTrial = n -> {
            while (true) {
                LockSupport.park();
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();

        // WHEN three trials run two at a time with a deadline of one second each
        int exit = Podcheck.execute(CommandLine.defaultFactory(), new Targets(List.of(new EngineTargetProvider(), standIn)),
                new PrintWriter(out, true), new PrintWriter(err, true), "run", "--target", "standin", "--trials", "3",
                "--parallel", "2", "--trial-deadline", "1s", "--report-dir", dir.resolve("reports").toString());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // THEN the run ends inconclusive, each trial saying why, after about two deadlines (not minutes: the bound is loose for loaded CI)
        assertThat(exit).as(out + "\n" + err).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(standIn.trials).hasValue(3);
        assertThat(out.toString()).contains("the trial did not finish within its deadline of 1s (--trial-deadline)");
        assertThat(took).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void should_take_the_engine_deadline_of_a_minute_by_default() {
        assertThat(new EngineTarget().trialDeadline(Duration.ofHours(5)))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
