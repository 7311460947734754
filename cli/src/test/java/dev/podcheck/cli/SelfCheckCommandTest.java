package dev.podcheck.cli;

import static dev.podcheck.cli.PodcheckCliTest.podcheck;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.cli.PodcheckCliTest.Run;
import dev.podcheck.conformance.selfcheck.Detection;
import dev.podcheck.engine.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SelfCheckCommandTest {
    @TempDir
    Path dir;

    @Test
    void should_print_the_kill_table_of_the_faults_asked_for_as_docs_self_check_records_it() {
        // WHEN two faulty engines run with the default budget
        Run run = podcheck("self-check", "--fault", "PRESTOP_SKIPPED,BACK_OFF_NOT_GROWING");

        // THEN each row names the invariants that caught it and when, as docs/self-check.md does
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        int prestop = recordedTrial("PRESTOP_SKIPPED");
        assertThat(run.out().lines()).containsExactly(
                "FAULT                                    CAUGHT AT CAUGHT BY (first violating trial)",
                String.format("PRESTOP_SKIPPED                          %-9s termination/prestop-before-sigterm (%d)",
                        "trial " + prestop, prestop),
                "BACK_OFF_NOT_GROWING                     trial 1   restart/backoff (1)",
                "2 of 2 faults caught");
        assertThat(run.err()).startsWith("podcheck: self-check: the faithful engine and 2 faulty ones, 1000 trials each, seed 20250601");
    }

    /** The trial docs/self-check.md records a fault caught at: its table's last column. */
    private static int recordedTrial(String fault) {
        try {
            String row = Files.readAllLines(Path.of("..", "docs", "self-check.md")).stream()
                    .filter(line -> line.startsWith("| `" + fault + "` |")).findFirst().orElseThrow();
            String[] cells = row.split("\\|");
            return Integer.parseInt(cells[cells.length - 1].strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void should_give_each_row_of_the_kill_table_as_data() {
        Detection caught = new Detection(Fault.BACK_OFF_NOT_GROWING, List.of(new Detection.Caught("restart/backoff", 0)));

        JsonNode row = JsonMapper.builder().build().readTree(OutputFormat.json.value(List.of(SelfCheckCommand.row(caught)))).get(0);

        assertThat(row.path("fault").asString()).isEqualTo("BACK_OFF_NOT_GROWING");
        assertThat(row.path("rule").asString()).isEqualTo("the crash-loop back-off doubles after each restart");
        assertThat(row.path("caughtBy").get(0).path("invariant").asString()).isEqualTo("restart/backoff");
        assertThat(row.path("caughtBy").get(0).path("trial").asInt()).as("counted from 1").isEqualTo(1);
        assertThat(row.path("trialsToDetection").asInt()).isEqualTo(1);
    }

    @Test
    void should_write_the_red_report_of_one_faulty_engine() throws IOException {
        // WHEN the report of one faulty engine is asked for
        Run run = podcheck("self-check", "--report", "BACK_OFF_NOT_GROWING", "--report-dir", dir.toString());

        // THEN its summary and reports show the violation it causes, and say whose they are
        assertThat(run.exit()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("podcheck: 1000 trials on engine with fault BACK_OFF_NOT_GROWING (seed 20250601")
                .contains("VIOLATED restart/backoff");
        assertThat(run.err()).contains("'podcheck self-check --report BACK_OFF_NOT_GROWING' shows it again");
        assertThat(Files.readString(dir.resolve("podcheck-report.html"))).contains("restart/backoff").contains("VIOLATED");
        assertThat(Files.readString(dir.resolve("podcheck-report.json"))).contains("\"target\" : \"engine with fault BACK_OFF_NOT_GROWING\"");
    }

    @Test
    void should_refuse_an_unknown_fault_naming_the_option() {
        Run run = podcheck("self-check", "--report", "NO_SUCH_FAULT");

        assertThat(run.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("podcheck: Invalid value for option '--report'");
    }
}
