package dev.podcheck.conformance.selfcheck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.engine.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The kit checks itself: each {@link Fault} makes a deliberately wrong engine, and the default
 * budget of {@code podcheck run} (see {@link DefaultRun}) must catch it (see {@link Detection}).
 * The table of what caught what, and when, goes to the test output and to
 * {@code target/self-check.md}; docs/self-check.md carries that table, copied from it, and the
 * test fails when the two differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutantsTest {
    /**
     * What the faithful engine breaks with this budget, by invariant and first violating trial:
     * nothing (asserted by {@link DefaultBudgetTest}). An engine bug shows up there first; fix it in
     * the engine, never excuse it here.
     */
    static final Map<String, Integer> FAITHFUL_VIOLATIONS = Map.of();

    private final Map<Fault, Detection> detections = new EnumMap<>(Fault.class);
    private Map<String, Integer> faithful;

    @BeforeAll
    void run_the_faithful_engine() {
        RunResult result = DefaultRun.run(DefaultRun.detection(Set.of()));
        assertThat(result.trialsRun()).isEqualTo(DefaultRun.TRIALS);
        faithful = Detection.firstViolations(result);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void should_catch_each_mutant_within_the_default_budget(Fault fault) {
        RunResult result = DefaultRun.run(DefaultRun.detection(Set.of(fault)));
        Detection detection = Detection.of(fault, result, faithful);
        detections.put(fault, detection);
        System.out.println("self-check " + SelfCheckTable.row(detection));

        assertThat(result.trialsRun()).isEqualTo(DefaultRun.TRIALS);
        if (Mutants.NOT_CAUGHT.containsKey(fault)) {
            assertThat(detection.caughtBy()).as("%s is listed as not caught; remove it from Mutants.NOT_CAUGHT", fault)
                    .isEmpty();
        } else {
            assertThat(detection.caughtBy()).as("%s must be caught by some invariant", fault).isNotEmpty();
        }
    }

    @AfterAll
    void write_the_table_and_compare_it_with_the_doc() throws IOException {
        String table = SelfCheckTable.markdown(detections);
        System.out.println(table);
        Path out = Path.of("target", "self-check.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        Path doc = Path.of("..", "docs", "self-check.md");
        if (detections.size() == Fault.values().length && Files.exists(doc)) {
            assertThat(Files.readString(doc)).as("docs/self-check.md is stale: copy target/self-check.md into it")
                    .contains(table);
        }
    }
}
