package dev.podcheck.conformance.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podcheck.conformance.api.EngineTarget;
import dev.podcheck.conformance.report.ConsoleReport;
import dev.podcheck.conformance.runner.RunPlan;
import dev.podcheck.conformance.runner.RunResult;
import dev.podcheck.conformance.runner.Runner;
import org.junit.jupiter.api.Test;

class CatalogueOnTheEngineTest {
    @Test
    void the_reference_engine_keeps_every_invariant() {
        RunPlan plan = RunPlan.builder(new EngineTarget())   // or your own Target: a cluster, a runtime
                .trials(200)
                .seed(1)                                     // the same seed draws the same scenarios
                .build();                                    // the rest as podcheck run: the whole catalogue, ...

        RunResult result = new Runner(plan).run((done, total) -> { });

        assertThat(result.exitCode()).as(ConsoleReport.summaryText(result)).isZero();
    }
}
