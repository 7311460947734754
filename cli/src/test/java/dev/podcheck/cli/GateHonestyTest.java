package dev.podcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTargetProvider;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A CI gate is green only when something was checked: every way to check nothing is inconclusive (exit 3) and says why. */
class GateHonestyTest {
    record Run(int exit, String out, String err) {}

    final StandInProvider standIn = new StandInProvider();

    @TempDir
    Path dir;

    Run podcheck(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Podcheck.execute(CommandLine.defaultFactory(), new Targets(List.of(new EngineTargetProvider(), standIn)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    private String reports() {
        return dir.resolve("reports").toString();
    }

    // The first trial lasts the whole budget, so the run stops after it however slow the machine is (the
    // budget counts from the run's start, before the first trial).
    private static final long BUDGET_MILLIS = 1000;
    private static final String BUDGET = BUDGET_MILLIS + "ms";

    @Nested
    class Nothing_ran {
        @Test
        void should_be_inconclusive_when_no_trial_is_asked_for() {
            Run run = podcheck("run", "--trials", "0", "--report-dir", reports());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(run.out()).contains("exit 3: inconclusive: no trial ran (--trials 0)");
        }

        @Test
        void should_be_inconclusive_when_the_shard_owns_no_trial() {
            Run run = podcheck("run", "--shard", "5/1000", "--trials", "3", "--report-dir", reports());

            assertThat(run.exit()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(run.out()).contains("exit 3: inconclusive: no trial ran (shard 5/1000 owns none of the 3 trials)");
        }

        @Test
        void should_be_inconclusive_when_the_budget_ends_the_run_before_every_trial_ran() {
            standIn.millisPerTrial = BUDGET_MILLIS;

            Run run = podcheck("run", "--target", "standin", "--trials", "30", "--parallel", "1", "--budget", BUDGET,
                    "--report-dir", reports());

            assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(run.out()).containsPattern("exit 3: inconclusive: (the time budget ended the run after \\d+ of 30"
                    + " trials, fewer than --min-trials 30|no trial ran \\(the time budget ran out first\\))");
        }

        @Test
        void should_accept_a_budget_that_ends_the_run_after_min_trials() {
            standIn.millisPerTrial = BUDGET_MILLIS;

            Run run = podcheck("run", "--target", "standin", "--trials", "30", "--parallel", "1", "--budget", BUDGET,
                    "--min-trials", "1", "--report-dir", reports());

            assertThat(run.exit()).as(run.out()).isZero();
            assertThat(standIn.trials).hasValue(1);
        }
    }

    @Nested
    class Nothing_checked {
        @Test
        void should_be_inconclusive_when_no_selected_invariant_is_observable() {
            standIn.observations = Set.of();

            Run run = podcheck("run", "--target", "standin", "--trials", "2", "--invariant", "probe",
                    "--report-dir", reports());

            assertThat(run.exit()).as(run.out()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(run.out()).contains("exit 3: inconclusive: no selected invariant could be checked on any trial"
                    + " (not observable on standin, or unknown on every trial)");
        }
    }

    @Nested
    class Corpus_folder {
        @Test
        void should_refuse_a_missing_corpus_folder() {
            Run run = podcheck("run", "--trials", "1", "--corpus", dir.resolve("nope").toString(), "--report-dir", reports());

            assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).isEqualTo("podcheck: --corpus " + dir.resolve("nope")
                    + ": no such folder (--corpus-create makes it)\n");
        }

        @Test
        void should_make_the_corpus_folder_when_asked_to() {
            Run run = podcheck("run", "--trials", "1", "--corpus", dir.resolve("new").toString(), "--corpus-create",
                    "--report-dir", reports());

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(dir.resolve("new")).isDirectory();
        }
    }

    @Nested
    class One_trial_fails {
        @Test
        void should_make_that_trial_inconclusive_and_keep_the_others() {
            standIn.onTrial = n -> {
                if (n == 2) {
                    throw new IllegalStateException("a bug on trial two");
                }
            };

            Run run = podcheck("run", "--target", "standin", "--trials", "3", "--parallel", "1", "--report-dir", reports());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(run.out()).contains("podcheck: 2 trials on standin")
                    .contains("podcheck failed on this trial: java.lang.IllegalStateException: a bug on trial two");
            assertThat(dir.resolve("reports/podcheck-report.json")).exists();
        }

        @Test
        void should_make_a_malformed_corpus_file_inconclusive_not_the_run() throws IOException {
            Path corpus = Files.createDirectories(dir.resolve("corpus"));
            Files.writeString(corpus.resolve("bad.yaml"), "kind: Pod\nspec: [ {\n");

            Run run = podcheck("run", "--trials", "2", "--corpus", corpus.toString(), "--report-dir", reports());

            assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(ExitCodes.INCONCLUSIVE);
            assertThat(run.out()).contains("podcheck: 2 trials on engine").contains(corpus.resolve("bad.yaml").toString());
        }

        @Test
        void should_exit_4_with_one_line_when_the_jvm_runs_out_of_memory() {
            standIn.observationsError = new OutOfMemoryError("Java heap space");

            Run run = podcheck("run", "--target", "standin", "--trials", "1", "--report-dir", reports());

            assertThat(run.exit()).isEqualTo(ExitCodes.INTERNAL);
            assertThat(run.err()).isEqualTo("podcheck: internal error: the JVM failed: java.lang.OutOfMemoryError:"
                    + " Java heap space (more memory: PODCHECK_JAVA_OPTS=-Xmx4g)\n");
        }
    }

    @Nested
    class Reports {
        @Test
        void should_not_leave_an_earlier_runs_reports_looking_current_when_a_run_cannot_report() throws IOException {
            Path reports = Files.createDirectories(dir.resolve("reports"));
            Files.writeString(reports.resolve("podcheck-report.json"), "{\"exitCode\": 0}");
            Files.writeString(reports.resolve("podcheck-report.xml"), "<testsuites/>");
            standIn.unusable = true;

            Run run = podcheck("run", "--target", "standin", "--trials", "1", "--report-dir", reports.toString());

            assertThat(run.exit()).isEqualTo(ExitCodes.TARGET_UNAVAILABLE);

            assertThat(reports.resolve("podcheck-report.json")).doesNotExist();
            assertThat(reports.resolve("podcheck-report.xml")).doesNotExist();
        }

        @Test
        void should_leave_no_temporary_file_beside_the_reports() throws IOException {
            podcheck("run", "--trials", "2", "--report-dir", reports());

            try (var files = Files.list(dir.resolve("reports"))) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("podcheck-report.xml", "podcheck-report.json", "podcheck-report.html");
            }
        }
    }
}
