package dev.podcheck.conformance.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.runner.RunResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleReportTest {

    /** A clock that moves 0.1 s each time it is read. */
    static final class FakeClock {
        final AtomicLong nanos = new AtomicLong();

        long read() {
            return nanos.getAndAdd(100_000_000L);
        }
    }

    @Nested
    class Progress {
        @Test
        void should_redraw_one_line_with_carriage_returns_on_a_terminal() {
            // GIVEN a terminal
            StringWriter text = new StringWriter();
            ConsoleReport console = new ConsoleReport(new PrintWriter(text), true, new FakeClock()::read);

            // WHEN 4 trials of 4 finish
            for (int done = 1; done <= 4; done++) {
                console.trialDone(done, 4);
            }

            // THEN one line is redrawn each time and ended at 100%
            assertThat(text.toString())
                    .startsWith("\r[#######.......................] 1/4  25% 10.0 trials/s")
                    .contains("\r[##############################] 4/4 100% ")
                    .endsWith(System.lineSeparator())
                    .doesNotContain("\n\r");
        }

        @Test
        void should_print_a_plain_line_at_each_tenth_elsewhere() {
            // GIVEN a log file, not a terminal
            StringWriter text = new StringWriter();
            ConsoleReport console = new ConsoleReport(new PrintWriter(text), false, new FakeClock()::read);

            // WHEN 200 trials finish
            for (int done = 1; done <= 200; done++) {
                console.trialDone(done, 200);
            }

            // THEN ten lines, no carriage return
            assertThat(text.toString()).doesNotContain("\r").hasLineCount(10)
                    .startsWith("podcheck: 20/200 trials (10%)").contains("podcheck: 200/200 trials (100%)");
        }

        @Test
        void should_end_an_open_progress_line_when_the_run_ends_early() {
            // GIVEN a run stopped by its budget at 1 of 4
            StringWriter text = new StringWriter();
            ConsoleReport console = new ConsoleReport(new PrintWriter(text), true, new FakeClock()::read);
            console.trialDone(1, 4);

            // WHEN the run finishes
            console.finish();

            // THEN the progress line is ended, so what follows starts on a line of its own
            assertThat(text.toString()).endsWith("trials/s" + System.lineSeparator());
        }

        @Test
        void should_never_move_the_bar_backwards_when_threads_report_out_of_order() {
            // GIVEN a terminal, and trial 3 reported by its thread before trial 2
            StringWriter text = new StringWriter();
            ConsoleReport console = new ConsoleReport(new PrintWriter(text), true, new FakeClock()::read);

            // WHEN the counts arrive as 1, 3, 2, 4
            for (int done : new int[] {1, 3, 2, 4}) {
                console.trialDone(done, 4);
            }

            // THEN 2/4 is never drawn after 3/4
            assertThat(text.toString()).contains("1/4").contains("3/4").contains("4/4").doesNotContain("2/4");
        }

        @Test
        void should_never_print_a_smaller_count_in_a_log_either() {
            // GIVEN a log
            StringWriter text = new StringWriter();
            ConsoleReport console = new ConsoleReport(new PrintWriter(text), false, new FakeClock()::read);

            // WHEN 20 of 20 is told before a late 19 of 20
            console.trialDone(20, 20);
            console.trialDone(19, 20);

            // THEN only the 100% line is printed
            assertThat(text.toString()).hasLineCount(1).startsWith("podcheck: 20/20 trials (100%)");
        }
    }

    @Nested
    class Summary {
        @Test
        void should_show_a_violation_with_everything_needed_to_reproduce_it() {
            // GIVEN a run with a violation found at seed 42 trial 17
            String text = ConsoleReport.summaryText(HandRun.result());

            // THEN the headline, the group lines, the violation in full and the exit code are there
            assertThat(text)
                    .startsWith("podcheck: 100 trials on engine (seed 42, shard 2/4) in 2.50 s, 40.0 trials/s\n")
                    .contains("  group        total  holds  violated  known  unknown  not observable\n"
                            + "  termination      1      0         1      0        0               0\n"
                            + "  init             1      1         0      0        0               0\n"
                            + "  probe            1      0         0      0        1               0\n")
                    .contains("VIOLATED termination/grace in 1 of 100 trials\n"
                            + "  MUST:    " + HandRun.MUST + "\n"
                            + "  found:   seed 42 trial 17, shrunk in 23 steps\n"
                            + "  replay:  podcheck run --seed 42 --trials 18\n"
                            + "  message: " + HandRun.MESSAGE + "\n"
                            + "  witness:\n"
                            + "       70.000  app           signal SIGKILL\n"
                            + "       70.000  app           Terminated 137 Error by SIGKILL, restartCount 1\n"
                            + "  pod:\n"
                            + "    apiVersion: v1\n")
                    .contains("  timeline:\n      time  container  change\n")
                    .contains("   70.000  app        signal SIGKILL\n")
                    .contains("unknown (could not be decided):\n  probe/liveness-restarts: probe results not observed (40 trials)\n")
                    .endsWith("\nexit 1: an invariant is violated\n");
        }

        @Test
        void should_list_known_deviations_unknowns_and_unobservable_invariants_briefly() {
            // GIVEN a real engine run with one invariant of each outcome
            RunResult run = SampleRun.result();

            // WHEN summarised
            String text = ConsoleReport.summaryText(run);

            // THEN each is one line, and a corpus-free violation replays by seed
            assertThat(text)
                    .contains("known deviations (expected on this target, not failing the run):\n"
                            + "  other/deviates: the target <rounds> times (40 trials)\n")
                    .contains("  other/unknown: the checker <timed out> (40 trials)\n")
                    .contains("not observable on engine-no-evictions: other/evictions\n")
                    .containsPattern("replay:  podcheck run --seed 7 --trials \\d+\n")
                    .doesNotContain("VIOLATED other/deviates");
        }
    }
}
